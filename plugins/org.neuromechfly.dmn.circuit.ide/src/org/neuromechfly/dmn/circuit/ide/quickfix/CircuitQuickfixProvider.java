package org.neuromechfly.dmn.circuit.ide.quickfix;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.CircuitPackage.Literals;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.CountSetting;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Projection;
import org.neuromechfly.dmn.circuit.circuit.SignOption;
import org.neuromechfly.dmn.circuit.circuit.Task;
import org.neuromechfly.dmn.circuit.reference.ReferenceDataProvider;
import org.neuromechfly.dmn.circuit.validation.CircuitIssueCodes;
import org.neuromechfly.dmn.connectome.reference.CellType;
import org.neuromechfly.dmn.connectome.reference.ReferenceData;

/**
 * Quick fixes of the circuit language, as text edits, for every client: the language server's code
 * actions, the Eclipse editor's marker resolutions (through {@link IssueQuickfixes}) and tests. Each fix
 * reads what it needs from the diagnostic's issue data (see the check classes), falling back to the
 * model where the data cannot say it (the reference count of a cell type, the projection's sign option).
 */
public class CircuitQuickfixProvider extends AbstractDeclarativeIdeQuickfixProvider {

  /**
   * The diagnostic being resolved. Xtext calls {@code @QuickFix} methods with the acceptor only, but
   * labels such as "Change to 'KC'" depend on the diagnostic's data; the provider is a singleton, so the
   * request is per thread.
   */
  private record Request(Options options, Diagnostic diagnostic) {}

  private final ThreadLocal<Request> request = new ThreadLocal<>();

  @Inject private ReferenceDataProvider reference;

  @Override
  public List<DiagnosticResolution> getResolutions(Options options, Diagnostic diagnostic) {
    request.set(new Request(options, diagnostic));
    try {
      return super.getResolutions(options, diagnostic);
    } finally {
      request.remove();
    }
  }

  // --- units ---------------------------------------------------------------------------------------

  @QuickFix(CircuitIssueCodes.MISSING_UNIT)
  public void addUnit(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(unit -> acceptor.accept(
        "Add the unit '" + unit + "'",
        (diagnostic, object, document) -> List.of(insert(diagnostic.getRange().getEnd(), " " + unit))));
  }

  @QuickFix(CircuitIssueCodes.WRONG_DIMENSION)
  public void replaceUnit(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(unit -> acceptor.accept(
        "Change the unit to '" + unit + "'", (diagnostic, object, document) -> createTextEdit(diagnostic, unit)));
  }

  // --- words and numbers the data names ------------------------------------------------------------

  @QuickFix(CircuitIssueCodes.UNKNOWN_CHOICE)
  public void replaceChoice(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(word -> acceptor.accept(
        "Change to '" + word + "'", (diagnostic, object, document) -> createTextEdit(diagnostic, word)));
  }

  @QuickFix(CircuitIssueCodes.TAU_OUT_OF_RANGE)
  public void setTypicalTau(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(typical -> acceptor.accept(
        "Set tau_mem to the typical " + typical, (diagnostic, object, document) -> createTextEdit(diagnostic, typical)));
  }

  @QuickFix(CircuitIssueCodes.FAN_IN_TOO_LARGE)
  public void setMaximalFanIn(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(max -> acceptor.accept(
        "Set fan_in to " + max + ", the size of the source population",
        (diagnostic, object, document) -> createTextEdit(diagnostic, max)));
  }

  // --- reference data ------------------------------------------------------------------------------

  @QuickFix(CircuitIssueCodes.UNKNOWN_CELL_TYPE)
  public void replaceCellType(DiagnosticResolutionAcceptor acceptor) {
    for (String type : cellTypeSuggestions()) {
      acceptor.accept("Change to '" + type + "'", (diagnostic, object, document) -> createTextEdit(diagnostic, type));
    }
  }

  @QuickFix(CircuitIssueCodes.THRESHOLD_OUT_OF_RANGE)
  public void setTypicalThreshold(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(typical -> acceptor.accept(
        "Set threshold to the typical " + typical, (diagnostic, object, document) -> createTextEdit(diagnostic, typical)));
  }

  @QuickFix(CircuitIssueCodes.SPARSITY_OUT_OF_RANGE)
  public void setTypicalSparsity(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(typical -> acceptor.accept(
        "Set the target to the typical " + typical, (diagnostic, object, document) -> createTextEdit(diagnostic, typical)));
  }

  /** A count or fan_in far from the reference: offered only where the reference value is a whole number. */
  @QuickFix(CircuitIssueCodes.COUNT_FAR_FROM_REFERENCE)
  public void setReferenceCount(DiagnosticResolutionAcceptor acceptor) {
    data(0).filter(n -> n.matches("\\d+")).ifPresent(typical -> acceptor.accept(
        "Set to the reference value " + typical, (diagnostic, object, document) -> createTextEdit(diagnostic, typical)));
  }

  @QuickFix(CircuitIssueCodes.SIGN_CONTRADICTS_TRANSMITTER)
  public void removeSign(DiagnosticResolutionAcceptor acceptor) {
    String sign = data(0).map(s -> " (the cells are " + s + ")").orElse("");
    acceptor.accept(
        "Remove the sign option; take the sign from the transmitter" + sign,
        (diagnostic, object, document) -> {
          Projection projection = EcoreUtil2.getContainerOfType(object, Projection.class);
          if (projection == null) {
            return List.of();
          }
          return projection.getOptions().stream()
              .filter(SignOption.class::isInstance)
              .findFirst()
              .map(NodeModelUtils::findActualNodeFor)
              .map(node -> List.of(delete(document, withSpaceBefore(document, node.getOffset()), node.getEndOffset())))
              .orElse(List.of());
        });
  }

  @QuickFix(CircuitIssueCodes.CONNECTOME_COUNT_MISMATCH)
  public void setSelectedCount(DiagnosticResolutionAcceptor acceptor) {
    Optional<String> name = data(0);
    Optional<String> selected = data(1);
    if (name.isEmpty() || selected.isEmpty()) {
      return;
    }
    acceptor.accept(
        "Set 'count " + selected.get() + "' on " + name.get() + ", as the query selects",
        (diagnostic, object, document) ->
            population(object, name.get())
                .flatMap(p -> p.getSettings().stream().filter(CountSetting.class::isInstance).findFirst())
                .flatMap(count -> node(count, Literals.COUNT_SETTING__COUNT))
                .map(node -> List.of(replace(document, node.getOffset(), node.getEndOffset(), selected.get())))
                .orElse(List.of()));
  }

  // --- names ---------------------------------------------------------------------------------------

  /**
   * A name that resolves to nothing: the closest declared names of the kind the reference wants, best
   * first; and, where the name is a cell type of the reference data, a population of that type.
   */
  @QuickFix(org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC)
  public void fixUnknownName(DiagnosticResolutionAcceptor acceptor) {
    Optional<String> word = markedText().map(String::trim).filter(w -> !w.isEmpty());
    Optional<Circuit> circuit = circuit();
    if (word.isEmpty() || circuit.isEmpty()) {
      return;
    }
    String message = request.get().diagnostic().getMessage();
    Class<? extends EObject> kind = message != null && message.contains("ConnectomeSource") ? ConnectomeSource.class : Population.class;
    List<String> declared = circuit.get().getElements().stream()
        .filter(kind::isInstance)
        .map(e -> org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.apply(e))
        .filter(n -> n != null && !n.isEmpty())
        .toList();
    for (String name : NameSimilarity.nearest(word.get(), declared, List::of, n -> n, 3)) {
      acceptor.accept("Change to '" + name + "'", (diagnostic, object, document) -> createTextEdit(diagnostic, name));
    }
    if (kind == Population.class) {
      referenceData().flatMap(d -> d.cellType(word.get())).ifPresent(type -> {
        long count = Math.max(1, Math.round(type.count().typical()));
        String declaration = "population " + word.get() + " : " + type.name() + " { count " + count + " }";
        acceptor.accept(
            "Declare '" + declaration + "'",
            (diagnostic, object, document) -> List.of(insert(document, afterLastPopulation(circuit.get(), document), "\n" + declaration)));
      });
    }
  }

  /** Where a new population goes: after the last one, else after the circuit's header. */
  private static int afterLastPopulation(Circuit circuit, Document document) {
    EObject last = null;
    for (EObject element : circuit.getElements()) {
      if (element instanceof Population) {
        last = element;
      }
    }
    INode node = NodeModelUtils.findActualNodeFor(last != null ? last : circuit);
    if (last != null) {
      return node.getEndOffset();
    }
    // no population yet: after 'circuit Name'
    return NodeModelUtils.findNodesForFeature(circuit, Literals.CIRCUIT__NAME).stream().findFirst().map(INode::getEndOffset).orElse(document.getContents().length());
  }

  // --- completeness --------------------------------------------------------------------------------

  @QuickFix(CircuitIssueCodes.MISSING_COUNT)
  public void addCount(DiagnosticResolutionAcceptor acceptor) {
    Optional<Population> population = contextPopulation();
    long count = population.flatMap(this::referenceCount).orElse(1L);
    String where = population.flatMap(this::cellType).map(t -> " (the reference count of " + t.name() + ")").orElse("");
    acceptor.accept(
        "Add 'count " + count + "'" + where,
        (diagnostic, object, document) -> {
          Population target = EcoreUtil2.getContainerOfType(object, Population.class);
          return target == null ? List.of() : addSetting(document, target, target.getSettings(), "count " + count);
        });
  }

  @QuickFix(CircuitIssueCodes.MISSING_TASK_SETTING)
  public void addTaskSetting(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(example -> acceptor.accept(
        "Add '" + example + "'",
        (diagnostic, object, document) -> {
          Task task = EcoreUtil2.getContainerOfType(object, Task.class);
          return task == null ? List.of() : addSetting(document, task, task.getSettings(), example);
        }));
  }

  // --- limits (issue #12): the checks put the value to write into the issue data -----------------

  /** A value out of range for which the check knows a sensible one (a radius, a speed). */
  @QuickFix(CircuitIssueCodes.VALUE_OUT_OF_RANGE)
  public void setSensibleValue(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(value -> acceptor.accept("Change to " + value, (diagnostic, object, document) -> createTextEdit(diagnostic, value)));
  }

  @QuickFix(CircuitIssueCodes.DELAY_TOO_LONG)
  public void shortenDelay(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(value -> acceptor.accept("Change the delay to " + value, (diagnostic, object, document) -> createTextEdit(diagnostic, value)));
  }

  @QuickFix(CircuitIssueCodes.TOO_LARGE_TO_TRAIN)
  public void shrinkBatch(DiagnosticResolutionAcceptor acceptor) {
    data(0).ifPresent(batch -> acceptor.accept("Set batch to " + batch + ", the largest that fits",
        (diagnostic, object, document) -> createTextEdit(diagnostic, batch)));
  }

  /** {@code DN[5..0]}: the check names both ends; the fix writes them low to high. */
  @QuickFix(CircuitIssueCodes.SLICE_OUT_OF_RANGE)
  public void orderRange(DiagnosticResolutionAcceptor acceptor) {
    List<String> data = IssueQuickfixes.data(request.get().diagnostic());
    if (data.size() == 3 && data.get(0).equals("reversed")) {
      acceptor.accept("Write the range as [" + data.get(2) + ".." + data.get(1) + "]", (diagnostic, object, document) -> {
        List<INode> first = NodeModelUtils.findNodesForFeature(object, Literals.CELL_SLICE__FIRST);
        List<INode> last = NodeModelUtils.findNodesForFeature(object, Literals.CELL_SLICE__LAST);
        if (first.isEmpty() || last.isEmpty()) {
          return List.of();
        }
        return List.of(
            replace(document, first.get(0).getOffset(), first.get(0).getEndOffset(), data.get(2)),
            replace(document, last.get(0).getOffset(), last.get(0).getEndOffset(), data.get(1)));
      });
    }
  }

  // --- edits ---------------------------------------------------------------------------------------

  /**
   * Inserts a setting into a braced block (a population's or the task's), in the block's layout: on a
   * line of its own when the block spans lines, inline otherwise; opens a block where there is none.
   */
  private static List<TextEdit> addSetting(Document document, EObject owner, List<? extends EObject> settings, String setting) {
    ICompositeNode node = NodeModelUtils.findActualNodeFor(owner);
    if (node == null) {
      return List.of();
    }
    ILeafNode open = keyword(node, "{", true);
    ILeafNode close = keyword(node, "}", false);
    if (open == null) {
      return List.of(insert(document, node.getEndOffset(), " { " + setting + " }"));
    }
    String text = document.getContents();
    boolean multiLine = close != null && text.substring(open.getOffset(), close.getOffset()).contains("\n");
    if (!multiLine) {
      return List.of(insert(document, open.getEndOffset(), " " + setting));
    }
    // after the last setting, indented like it (or one level deeper than the owner)
    INode last = settings.isEmpty() ? null : NodeModelUtils.findActualNodeFor(settings.get(settings.size() - 1));
    int after = last == null ? open.getEndOffset() : last.getEndOffset();
    String indent = last == null ? indentation(text, node.getOffset()) + "  " : indentation(text, last.getOffset());
    return List.of(insert(document, after, "\n" + indent + setting));
  }

  private static ILeafNode keyword(ICompositeNode node, String keyword, boolean first) {
    ILeafNode found = null;
    for (ILeafNode leaf : node.getLeafNodes()) {
      if (!leaf.isHidden() && keyword.equals(leaf.getText())) {
        found = leaf;
        if (first) {
          break;
        }
      }
    }
    return found;
  }

  /** The leading whitespace of the line holding an offset. */
  private static String indentation(String text, int offset) {
    int start = text.lastIndexOf('\n', offset - 1) + 1;
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(start, end);
  }

  /** Moves an offset back over whitespace, so removing an option leaves no gap. */
  private static int withSpaceBefore(Document document, int offset) {
    String text = document.getContents();
    int start = offset;
    while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  private static TextEdit insert(Position at, String text) {
    return new TextEdit(new Range(at, at), text);
  }

  private static TextEdit insert(Document document, int offset, String text) {
    return insert(document.getPosition(offset), text);
  }

  private static TextEdit delete(Document document, int start, int end) {
    return replace(document, start, end, "");
  }

  private static TextEdit replace(Document document, int start, int end, String text) {
    return new TextEdit(new Range(document.getPosition(start), document.getPosition(end)), text);
  }

  private static Optional<INode> node(EObject object, EStructuralFeature feature) {
    return NodeModelUtils.findNodesForFeature(object, feature).stream().findFirst();
  }

  // --- the request and the model -------------------------------------------------------------------

  /** The issue data string at an index of the diagnostic being resolved. */
  private Optional<String> data(int index) {
    Request current = request.get();
    List<String> data = current == null ? List.of() : IssueQuickfixes.data(current.diagnostic());
    return index < data.size() && !data.get(index).isBlank() ? Optional.of(data.get(index)) : Optional.empty();
  }

  private Optional<Circuit> circuit() {
    Request current = request.get();
    if (current == null || current.options().getResource() == null || current.options().getResource().getContents().isEmpty()) {
      return Optional.empty();
    }
    EObject root = current.options().getResource().getContents().get(0);
    return root instanceof Circuit c ? Optional.of(c) : Optional.empty();
  }

  /** The population the diagnostic is about, found by the name the data (or the marked text) gives. */
  private Optional<Population> contextPopulation() {
    Optional<String> name = data(0).or(this::markedText);
    return name.flatMap(n -> circuit().flatMap(c -> population(c, n)));
  }

  private Optional<String> markedText() {
    Request current = request.get();
    if (current == null || current.options().getDocument() == null || current.diagnostic().getRange() == null) {
      return Optional.empty();
    }
    return Optional.of(current.options().getDocument().getSubstring(current.diagnostic().getRange()));
  }

  private static Optional<Population> population(EObject inModel, String name) {
    Circuit circuit = EcoreUtil2.getContainerOfType(inModel, Circuit.class);
    if (circuit == null) {
      return Optional.empty();
    }
    return circuit.getElements().stream()
        .filter(Population.class::isInstance)
        .map(Population.class::cast)
        .filter(p -> name.equals(p.getName()))
        .findFirst();
  }

  private Optional<ReferenceData> referenceData() {
    return circuit().map(c -> reference.forCircuit(c).data());
  }

  private Optional<CellType> cellType(Population population) {
    if (population.getCellType() == null) {
      return Optional.empty();
    }
    return referenceData().flatMap(d -> d.cellType(population.getCellType()));
  }

  private Optional<Long> referenceCount(Population population) {
    return cellType(population).map(t -> Math.max(1, Math.round(t.count().typical())));
  }

  /**
   * Cell types to offer for an unknown one, as canonical names (aliases such as "Kenyon cell" are not
   * identifiers), best guess first: the check's suggestions and every type a typo or a prefix of a name
   * or alias could explain ("Kenyon" finds KC), ranked by {@link NameSimilarity}.
   */
  private List<String> cellTypeSuggestions() {
    Optional<ReferenceData> data = referenceData();
    Optional<String> word = markedText().map(String::trim).filter(w -> !w.isEmpty());
    if (data.isEmpty() || word.isEmpty()) {
      return List.of();
    }
    Set<String> suggested = new LinkedHashSet<>();
    for (String suggestion : IssueQuickfixes.data(request.get().diagnostic())) {
      data.get().cellType(suggestion).ifPresent(t -> suggested.add(t.name()));
    }
    List<CellType> candidates = data.get().cellTypes().stream()
        .filter(t -> suggested.contains(t.name()) || NameSimilarity.plausible(word.get(), NameSimilarity.score(word.get(), spellings(t))))
        .toList();
    return NameSimilarity.nearest(word.get(), candidates, CircuitQuickfixProvider::spellings, CellType::name, 3).stream().map(CellType::name).toList();
  }

  private static List<String> spellings(CellType type) {
    List<String> spellings = new ArrayList<>(type.aliases());
    spellings.add(0, type.name());
    return spellings;
  }
}
