package org.neuromechfly.dmn.circuit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neuromechfly.dmn.circuit.circuit.Circuit;
import org.neuromechfly.dmn.circuit.formatting2.CanonicalText;
import org.neuromechfly.dmn.circuit.ide.server.EditingServices;

/**
 * The services the Eclipse editor and the language server share: hover documentation, outline symbols,
 * declarations, references, rename, formatting, folding and content assist, on real models.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(CircuitIdeInjectorProvider.class)
class EditingServicesTest {
  private static final String MODEL =
      """
      circuit Mb

      population PN : uPN {
        count 130
        tau_mem 20 ms
      }

      population KC : KC {
        count 2000
        tau_mem 10 ms
      }
      population MBON : MBON { count 50 }

      projection PN -> KC random fan_in 7 weight uniform(0, 1) learn
      projection KC -> MBON dense
      loss {
        sparsity 0.01 on KC target 5 %
      }
      """;

  @Inject private ParseHelper<Circuit> parser;
  @Inject private ValidationTestHelper validation;
  @Inject private EditingServices services;
  @Inject private CanonicalText canonical;
  @Inject private ContentAssistContextFactory contexts;
  @Inject private IdeContentProposalProvider proposals;
  @Inject private com.google.inject.Provider<IdeContentProposalAcceptor> acceptors;

  @Test
  void hoverOnAUseOfAPopulationShowsItsSizeAndTheCellTypesReferenceValuesWithSources() throws Exception {
    XtextResource resource = resource(MODEL);
    String hover = hover(resource, MODEL.indexOf("-> KC") + 4);
    assertTrue(hover.contains("**population KC** — 2000 × KC"), hover);
    assertTrue(hover.contains("**cell type KC**"), hover);
    assertTrue(hover.contains("cells per hemisphere:"), hover);
    // every reference value names where it comes from
    assertTrue(hover.matches("(?s).*cells per hemisphere: [^\\n]* — \\*\\[(data|lit|model)\\][^\\n]*\\*.*"), hover);
  }

  @Test
  void hoverExplainsUnitsKeywordsAndParametersAgainstTheReference() throws Exception {
    XtextResource resource = resource(MODEL);
    String unit = hover(resource, MODEL.indexOf("20 ms") + 3);
    assertTrue(unit.startsWith("**ms** — a time: 1 ms = 0.001 s"), unit);
    String keyword = hover(resource, MODEL.indexOf("fan_in"));
    assertTrue(keyword.startsWith("**fan_in** — Number of distinct source cells"), keyword);
    String tau = hover(resource, MODEL.indexOf("tau_mem 10"));
    assertTrue(tau.contains("Membrane time constant") && tau.contains("reference for KC: "), tau);
    assertEquals("", hover(resource, MODEL.indexOf("130") + 1), "a plain number has nothing to explain");
    String wrong = "circuit Mb\npopulation PN : uPN { count 130 tau_mem 20 mm }\n";
    String misplaced = hover(resource(wrong), wrong.indexOf("mm") + 1);
    assertTrue(misplaced.startsWith("**mm** — a length: 1 mm = 0.001 m") && misplaced.endsWith("tau_mem expects a time"), misplaced);
    // editors ask at a word's first character as often as inside it
    assertEquals(misplaced, hover(resource(wrong), wrong.indexOf("mm")));
    assertTrue(hover(resource, MODEL.indexOf("fan_in")).startsWith("**fan_in**"));
  }

  @Test
  void outlineListsPopulationsWithSizeAndTypeProjectionsAndTheLoss() throws Exception {
    List<DocumentSymbol> roots = services.outline(resource(MODEL));
    assertEquals(1, roots.size());
    DocumentSymbol circuit = roots.get(0);
    assertEquals("Mb", circuit.getName());
    List<String> children = circuit.getChildren().stream().map(s -> s.getName() + " | " + s.getDetail()).toList();
    assertEquals(
        List.of(
            "PN | 130 × uPN",
            "KC | 2000 × KC",
            "MBON | 50 × MBON",
            "PN → KC | random fan_in 7 weight uniform(0, 1) learn",
            "KC → MBON | dense",
            "loss | "),
        children);
    DocumentSymbol loss = circuit.getChildren().get(5);
    assertEquals("sparsity on KC | 0.01 on KC target 5 %", loss.getChildren().get(0).getName() + " | " + loss.getChildren().get(0).getDetail());
  }

  @Test
  void declarationOfAUseIsThePopulationAndReferencesAreEveryUse() throws Exception {
    XtextResource resource = resource(MODEL);
    List<? extends Location> declarations = services.declarations(resource, MODEL.indexOf("KC -> MBON"));
    assertEquals(1, declarations.size());
    assertEquals(line(MODEL, "population KC"), declarations.get(0).getRange().getStart().getLine());

    List<Integer> uses = services.references(resource, MODEL.indexOf("population KC") + 11).stream()
        .map(l -> l.getRange().getStart().getLine())
        .sorted()
        .toList();
    assertEquals(List.of(line(MODEL, "PN -> KC"), line(MODEL, "KC -> MBON"), line(MODEL, "sparsity")), uses);
  }

  @Test
  void renameFromAUseUpdatesTheDeclarationAndEveryUse() throws Exception {
    XtextResource resource = resource(MODEL);
    WorkspaceEdit edit = services.rename(resource, MODEL.indexOf("sparsity 0.01 on KC") + 18, "Kenyon");
    String renamed = apply(MODEL, edit);
    assertEquals(MODEL.replace("population KC", "population Kenyon").replace("-> KC", "-> Kenyon")
        .replace("KC -> MBON", "Kenyon -> MBON").replace("on KC", "on Kenyon"), renamed);
    validation.assertNoErrors(parser.parse(renamed));
  }

  @Test
  void formattingGivesTheCanonicalLayout() throws Exception {
    String messy = "circuit  Mb population PN:uPN{count 130}\n\n\n   projection PN->PN dense";
    XtextResource resource = resource(messy);
    String formatted = apply(messy, services.format(resource));
    assertEquals(canonical.of(resource), formatted);
    assertFalse(formatted.equals(messy));
  }

  @Test
  void foldingFollowsMultiLineElements() throws Exception {
    List<FoldingRange> ranges = services.folding(resource(MODEL));
    List<String> folds = ranges.stream().map(r -> r.getStartLine() + "-" + r.getEndLine()).toList();
    int pn = line(MODEL, "population PN");
    int kc = line(MODEL, "population KC");
    int loss = line(MODEL, "loss {");
    assertTrue(folds.contains(pn + "-" + (pn + 3)), folds.toString());
    assertTrue(folds.contains(kc + "-" + (kc + 3)), folds.toString());
    assertTrue(folds.contains(loss + "-" + (loss + 2)), folds.toString());
  }

  @Test
  void contentAssistListsEachPopulationOnceWithItsSizeAndType() throws Exception {
    String text = MODEL + "projection MBON -> ";
    List<ContentAssistEntry> entries = proposals(text, text.length());
    List<String> names = entries.stream().map(ContentAssistEntry::getProposal).toList();
    assertEquals(List.of("KC", "MBON", "PN"), names.stream().filter(n -> n.matches("[A-Z]+")).sorted().toList(), names.toString());
    ContentAssistEntry kc = entries.stream().filter(e -> e.getProposal().equals("KC")).findFirst().orElseThrow();
    assertEquals("2000 × KC", kc.getDescription());
  }

  @Test
  void contentAssistNeverOffersPunctuationAlone() throws Exception {
    String text = "circuit C\npopulation A : ORN { count 4 ";
    List<String> names = proposals(text, text.length()).stream().map(ContentAssistEntry::getProposal).toList();
    assertFalse(names.isEmpty());
    assertFalse(names.contains("}"), names.toString());
    assertTrue(names.contains("tau_mem"), names.toString());
  }

  // --- helpers --------------------------------------------------------------------------------------

  private XtextResource resource(String text) throws Exception {
    return (XtextResource) parser.parse(text).eResource();
  }

  private String hover(XtextResource resource, int offset) {
    var hover = services.hover(resource, offset);
    return hover.getContents().getRight() == null ? "" : hover.getContents().getRight().getValue();
  }

  private List<ContentAssistEntry> proposals(String text, int offset) throws Exception {
    XtextResource resource = resource(text);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      contexts.setPool(pool);
      ContentAssistContext[] found = contexts.create(text, new TextRegion(offset, 0), offset, resource);
      IdeContentProposalAcceptor acceptor = acceptors.get();
      proposals.createProposals(List.of(found), acceptor);
      List<ContentAssistEntry> entries = new ArrayList<>();
      acceptor.getEntries().forEach(entries::add);
      return entries;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String apply(String text, WorkspaceEdit edit) {
    List<TextEdit> edits = new ArrayList<>();
    edit.getChanges().values().forEach(edits::addAll);
    return apply(text, edits);
  }

  private static String apply(String text, List<? extends TextEdit> edits) {
    Document document = new Document(1, text);
    StringBuilder result = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt((TextEdit e) -> document.getOffSet(e.getRange().getStart())).reversed())
        .forEach(e -> result.replace(document.getOffSet(e.getRange().getStart()), document.getOffSet(e.getRange().getEnd()), e.getNewText()));
    return result.toString();
  }

  private static int line(String text, String needle) {
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
  }
}
