package org.neuromechfly.dmn.circuit.ide.hover;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.circuit.ConnectomeSource;
import org.neuromechfly.dmn.circuit.circuit.NeuronParameter;
import org.neuromechfly.dmn.circuit.circuit.Population;
import org.neuromechfly.dmn.circuit.circuit.Quantity;
import org.neuromechfly.dmn.circuit.ide.outline.ElementSummaries;
import org.neuromechfly.dmn.circuit.reference.ReferenceDataProvider;
import org.neuromechfly.dmn.circuit.units.QuantityRules;
import org.neuromechfly.dmn.connectome.reference.CellType;
import org.neuromechfly.dmn.connectome.reference.Range;
import org.neuromechfly.dmn.model.Unit;

/**
 * What hovering a word of a model explains, as Markdown: a population (its size, settings and cell
 * type), a cell type with its reference values and their citations, a unit with its dimension, a
 * keyword's meaning. One implementation for the language server's hover and the Eclipse editor's.
 */
@Singleton
public class CircuitDocumentation {

  /** Documentation of the word at an offset, and the region of that word. */
  public record Documentation(ITextRegion region, String markdown) {}

  private final Properties keywords = loadKeywords();

  @Inject private EObjectAtOffsetHelper elements;
  @Inject private ReferenceDataProvider reference;
  @Inject private QuantityRules quantities;

  /** The documentation of the word at {@code offset}, if it has any. */
  public Optional<Documentation> at(XtextResource resource, int offset) {
    if (resource.getParseResult() == null) {
      return Optional.empty();
    }
    var root = resource.getParseResult().getRootNode();
    ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
    if (leaf != null && leaf.isHidden() && leaf.getEndOffset() == offset) {
      // the first character of a word: Xtext answers with the blank before it
      leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset + 1);
    } else if (leaf != null && leaf.isHidden() && leaf.getOffset() == offset && offset > 0) {
      // the caret right after a word: hover the word
      leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset - 1);
    }
    if (leaf == null || leaf.isHidden()) {
      return Optional.empty();
    }
    ILeafNode word = leaf;
    return markdown(resource, word).map(text -> new Documentation(word.getTextRegion(), text));
  }

  private Optional<String> markdown(XtextResource resource, ILeafNode leaf) {
    EObject referenced = elements.resolveCrossReferencedElementAt(resource, leaf.getOffset());
    if (referenced instanceof Population population && !population.eIsProxy()) {
      return Optional.of(population(population));
    }
    if (referenced instanceof ConnectomeSource source && !source.eIsProxy()) {
      return Optional.of(connectome(source));
    }
    EObject owner = NodeModelUtils.findActualSemanticObjectFor(leaf);
    String feature = feature(leaf);
    if (owner instanceof Population population && "name".equals(feature)) {
      return Optional.of(population(population));
    }
    if (owner instanceof Population population && "cellType".equals(feature)) {
      return cellType(population).map(this::cellType).or(() -> Optional.of("**" + leaf.getText() + "**: not a cell type of the reference data."));
    }
    if (owner instanceof Quantity quantity && "unit".equals(feature)) {
      return Unit.bySymbol(quantity.getUnit()).map(unit -> unit(unit, quantity));
    }
    if (leaf.getGrammarElement() instanceof Keyword keyword) {
      return keyword(keyword.getValue(), owner);
    }
    return Optional.empty();
  }

  /** The feature the leaf is assigned to, looking through datatype rules such as a unit symbol. */
  private static String feature(ILeafNode leaf) {
    for (INode node = leaf; node != null; node = node.getParent()) {
      Assignment assignment = GrammarUtil.containingAssignment(node.getGrammarElement());
      if (assignment != null) {
        return assignment.getFeature();
      }
      if (node.hasDirectSemanticElement()) {
        break;
      }
    }
    return null;
  }

  // --- what each kind of word shows --------------------------------------------------------------

  private String population(Population population) {
    StringBuilder md = new StringBuilder();
    md.append("**population ").append(population.getName()).append("** — ").append(ElementSummaries.population(population));
    String settings = population.getSettings().stream().map(ElementSummaries::text).collect(Collectors.joining(", "));
    if (!settings.isBlank()) {
      md.append("\n\n").append(settings);
    }
    cellType(population).ifPresent(type -> md.append("\n\n---\n\n").append(cellType(type)));
    return md.toString();
  }

  private String cellType(CellType type) {
    StringBuilder md = new StringBuilder();
    md.append("**cell type ").append(type.name()).append("**");
    if (!type.aliases().isEmpty()) {
      md.append(" (also ").append(String.join(", ", type.aliases())).append(")");
    }
    type.parentName().ifPresent(parent -> md.append(", a subtype of ").append(parent));
    md.append("\n\n");
    line(md, "transmitter", type.transmitter().symbol() + " (" + type.sign().name().toLowerCase(Locale.ROOT) + ")", type.citation("transmitter").orElse(null));
    line(md, "spiking", type.graded() ? "no, graded" : "yes", type.citation("graded").orElse(null));
    range(md, "cells per hemisphere", type.count(), 1, "");
    range(md, "tau_mem", type.tauMem(), 1e3, " ms");
    range(md, "threshold", type.threshold(), 1, "");
    range(md, "spontaneous rate", type.spontaneousRate(), 1, " Hz");
    range(md, "evoked rate", type.evokedRate(), 1, " Hz");
    if (!type.projections().isEmpty()) {
      line(md, "projects to", type.projections().stream().map(p -> p.postType()).distinct().collect(Collectors.joining(", ")), null);
    }
    return md.toString().trim();
  }

  private static void range(StringBuilder md, String what, Range range, double scale, String unit) {
    if (range != null) {
      String value = number(range.low() * scale) + "–" + number(range.high() * scale) + unit + ", typical " + number(range.typical() * scale) + unit;
      line(md, what, value, range.source());
    }
  }

  private static void line(StringBuilder md, String what, String value, String source) {
    md.append("- ").append(what).append(": ").append(value);
    if (source != null && !source.isBlank()) {
      md.append(" — *").append(source).append("*");
    }
    md.append('\n');
  }

  private static String connectome(ConnectomeSource source) {
    StringBuilder md = new StringBuilder("**connectome ").append(source.getName()).append("** — ").append(ElementSummaries.connectomeDetail(source));
    if (source.getVersion() != null) {
      md.append("\n\nversion ").append(source.getVersion());
    }
    md.append("\n\n").append(source.getChecksum() != null ? "pinned to sha256 " + source.getChecksum() : "no sha256 pinned: the data may change under the model");
    return md.toString();
  }

  private String unit(Unit unit, Quantity quantity) {
    var expected = quantities.expectation(quantity);
    StringBuilder md = new StringBuilder("**").append(unit.symbol()).append("** — a ").append(unit.dimension().description());
    if (unit.toSi() != 1.0) {
      md.append(": 1 ").append(unit.symbol()).append(" = ").append(number(unit.toSi())).append(' ').append(siSymbol(unit));
    }
    md.append("\n\nUnits of this dimension: ").append(String.join(", ", Unit.symbolsOf(unit.dimension())));
    if (expected.dimension() != null && expected.dimension() != unit.dimension()) {
      md.append("\n\n").append(expected.what()).append(" expects a ").append(expected.dimension().description());
    }
    return md.toString();
  }

  private Optional<String> keyword(String word, EObject owner) {
    String meaning = keywords.getProperty(word);
    if (meaning == null) {
      return Optional.empty();
    }
    StringBuilder md = new StringBuilder("**").append(word).append("** — ").append(meaning);
    // a neuron parameter also shows the reference range of the population's cell type
    if (owner instanceof NeuronParameter parameter && parameter.eContainer() instanceof Population population) {
      cellType(population).ifPresent(type -> {
        StringBuilder ref = new StringBuilder();
        switch (word) {
          case "tau_mem" -> range(ref, "reference for " + type.name(), type.tauMem(), 1e3, " ms");
          case "threshold" -> range(ref, "reference for " + type.name(), type.threshold(), 1, "");
          default -> { }
        }
        if (ref.length() > 0) {
          md.append("\n\n").append(ref.toString().trim());
        }
      });
    }
    return Optional.of(md.toString());
  }

  private Optional<CellType> cellType(Population population) {
    if (population.getCellType() == null || !(population.eContainer() instanceof Circuit circuit)) {
      return Optional.empty();
    }
    var data = reference.forCircuit(circuit).data();
    return data == null ? Optional.empty() : data.cellType(population.getCellType());
  }

  private static String siSymbol(Unit unit) {
    return Unit.symbolsOf(unit.dimension()).stream()
        .map(Unit::bySymbol)
        .flatMap(Optional::stream)
        .filter(u -> u.toSi() == 1.0)
        .map(Unit::symbol)
        .findFirst()
        .orElse("");
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e9) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+$", "").replaceAll("\\.?0+e", "e");
  }

  private static Properties loadKeywords() {
    Properties properties = new Properties();
    try (InputStream in = CircuitDocumentation.class.getResourceAsStream("keywords.properties")) {
      if (in != null) {
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the keyword documentation", e);
    }
    return properties;
  }
}
