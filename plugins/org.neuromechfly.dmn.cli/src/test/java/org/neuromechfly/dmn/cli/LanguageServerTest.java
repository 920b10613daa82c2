package org.neuromechfly.dmn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code dmn lsp} as an editor meets it: a separate JVM started as {@code dmn lsp}, spoken to over its
 * real standard input and output by an LSP4J client. The server's own trace of every message is kept
 * as the transcript ({@code target/lsp/transcript.txt}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LanguageServerTest {
  private static final long TIMEOUT_S = 60;

  /** Open in the editor; its unknown cell type is the diagnostic and the quick fix. */
  private static final String MODEL =
      """
      circuit Mb

      population PN : uPN {
        count 130
        tau_mem 20 ms
      }
      population KC : Kenyon { count 2000 }
      population MBON : MBON { count 50 }

      projection PN -> KC random fan_in 7 weight uniform(0, 1) learn
      projection KC -> MBON dense
      loss { sparsity 0.01 on KC target 5 % }
      """;

  /** In the workspace, never opened: the server validates it anyway. */
  private static final String CLOSED = "circuit Closed\npopulation A : ORN { count 50 tau_mem 20 mm }\n";

  private static Path workspace;
  private static Path out;
  private static Process process;
  private static LanguageServer server;
  private static final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  private static String uri;
  private static InitializeResult initialized;

  @BeforeAll
  static void startServer() throws Exception {
    out = Path.of("target", "lsp").toAbsolutePath();
    Files.createDirectories(out);
    Files.deleteIfExists(out.resolve("transcript.txt"));
    workspace = Files.createTempDirectory("dmn-lsp");
    Path model = workspace.resolve("mb.circuit");
    Files.writeString(model, MODEL);
    Files.writeString(workspace.resolve("closed.circuit"), CLOSED);
    uri = model.toUri().toString();

    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // which classes the server loads, to show the engine (ND4J) never is
            "-Xlog:class+load=info:file=" + out.resolve("classes.log") + "::filecount=0",
            "-cp", classPath,
            Dmn.class.getName(), "lsp", "--trace", out.resolve("transcript.txt").toString())
        .redirectError(out.resolve("stderr.txt").toFile())
        .start();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new RecordingClient(), process.getInputStream(), process.getOutputStream());
    launcher.startListening();
    server = launcher.getRemoteProxy();

    InitializeParams init = new InitializeParams();
    init.setProcessId((int) ProcessHandle.current().pid());
    // as editors do: the root folder, and the same as the one workspace folder
    init.setRootUri(workspace.toUri().toString());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "models")));
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
    symbols.setHierarchicalDocumentSymbolSupport(true);
    text.setDocumentSymbol(symbols);
    ClientCapabilities capabilities = new ClientCapabilities();
    capabilities.setTextDocument(text);
    init.setCapabilities(capabilities);
    initialized = server.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "circuit", 1, MODEL)));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  @Order(1)
  void announcesEveryServiceTheEditorsUse() {
    var caps = initialized.getCapabilities();
    assertNotNull(caps.getCompletionProvider(), "completion");
    assertTrue(isOn(caps.getHoverProvider()), "hover");
    assertTrue(isOn(caps.getDefinitionProvider()), "definition");
    assertTrue(isOn(caps.getReferencesProvider()), "references");
    assertTrue(caps.getRenameProvider() != null && (caps.getRenameProvider().isRight() || caps.getRenameProvider().getLeft()), "rename");
    assertTrue(isOn(caps.getDocumentFormattingProvider()), "formatting");
    assertTrue(isOn(caps.getDocumentSymbolProvider()), "document symbols");
    assertNotNull(caps.getCodeActionProvider(), "code actions");
  }

  @Test
  @Order(2)
  void publishesDiagnosticsForTheOpenModelAndForModelsNeverOpened() throws Exception {
    Diagnostic unknownType = awaitDiagnostics(uri).stream()
        .filter(d -> d.getMessage().contains("Kenyon"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no diagnostic on 'Kenyon'"));
    assertEquals(line(MODEL, "Kenyon"), unknownType.getRange().getStart().getLine());
    assertTrue(String.valueOf(unknownType.getCode().get()).endsWith("unknown_cell_type"), unknownType.getCode().toString());

    List<Diagnostic> closed = awaitDiagnostics(workspace.resolve("closed.circuit").toUri().toString());
    assertTrue(closed.stream().anyMatch(d -> d.getMessage().contains("'mm' is a unit of length")), closed.toString());
  }

  @Test
  @Order(3)
  void completesEachPopulationOnceWithItsSizeAndCellType() throws Exception {
    String text = MODEL + "projection MBON -> ";
    server.getTextDocumentService().didChange(change(text, 2));
    var result = server.getTextDocumentService()
        .completion(new CompletionParams(new TextDocumentIdentifier(uri), position(text, text.length())))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
    List<String> populations = items.stream().map(CompletionItem::getLabel).filter(l -> l.matches("[A-Z]+")).sorted().toList();
    assertEquals(List.of("KC", "MBON", "PN"), populations);
    CompletionItem kc = items.stream().filter(i -> i.getLabel().equals("KC")).findFirst().orElseThrow();
    assertEquals("2000 × Kenyon", kc.getDetail());
    server.getTextDocumentService().didChange(change(MODEL, 3));
  }

  @Test
  @Order(4)
  void hoverShowsThePopulationAndTheReferenceValuesOfItsCellType() throws Exception {
    var hover = server.getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri), position(MODEL, MODEL.indexOf("PN -> KC"))))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    String markdown = hover.getContents().getRight().getValue();
    assertTrue(markdown.startsWith("**population PN** — 130 × uPN"), markdown);
    assertTrue(markdown.contains("**cell type uPN**") && markdown.contains("[data]"), markdown);
  }

  @Test
  @Order(5)
  void definitionAndReferencesOfAPopulation() throws Exception {
    var definition = server.getTextDocumentService()
        .definition(new DefinitionParams(new TextDocumentIdentifier(uri), position(MODEL, MODEL.indexOf("KC -> MBON"))))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    List<? extends Location> targets = definition.getLeft();
    assertEquals(1, targets.size());
    assertEquals(line(MODEL, "population KC"), targets.get(0).getRange().getStart().getLine());

    ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), position(MODEL, MODEL.indexOf("population KC") + 11), new ReferenceContext(false));
    List<Integer> lines = server.getTextDocumentService().references(params).get(TIMEOUT_S, TimeUnit.SECONDS).stream()
        .map(l -> l.getRange().getStart().getLine()).sorted().toList();
    assertEquals(List.of(line(MODEL, "PN -> KC"), line(MODEL, "KC -> MBON"), line(MODEL, "loss")), lines);
  }

  @Test
  @Order(6)
  void renameUpdatesTheDeclarationAndEveryUse() throws Exception {
    WorkspaceEdit edit = server.getTextDocumentService()
        .rename(new RenameParams(new TextDocumentIdentifier(uri), position(MODEL, MODEL.indexOf("-> MBON") + 4), "Output"))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    List<TextEdit> edits = editsOf(edit, uri);
    assertEquals(MODEL.replace("MBON : MBON", "Output : MBON").replace("-> MBON", "-> Output"), apply(MODEL, edits));
  }

  @Test
  @Order(7)
  void formatsToTheCanonicalLayout() throws Exception {
    String messy = "circuit Mb population PN:uPN{count 130}\n\n\n   projection PN->PN dense";
    server.getTextDocumentService().didChange(change(messy, 4));
    List<? extends TextEdit> edits = server.getTextDocumentService()
        .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true)))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    String formatted = apply(messy, new ArrayList<>(edits));
    assertEquals("circuit Mb\n\npopulation PN : uPN {\n  count 130\n}\n\nprojection PN -> PN dense\n", formatted);
    server.getTextDocumentService().didChange(change(MODEL, 5));
  }

  @Test
  @Order(8)
  void documentSymbolsAreTheModelsOutline() throws Exception {
    List<Either<SymbolInformation, DocumentSymbol>> symbols = server.getTextDocumentService()
        .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
        .get(TIMEOUT_S, TimeUnit.SECONDS);
    DocumentSymbol circuit = symbols.get(0).getRight();
    assertEquals("Mb", circuit.getName());
    List<String> children = circuit.getChildren().stream().map(s -> s.getName() + " " + s.getDetail()).toList();
    assertEquals(List.of("PN 130 × uPN", "KC 2000 × Kenyon", "MBON 50 × MBON",
        "PN → KC random fan_in 7 weight uniform(0, 1) learn", "KC → MBON dense", "loss "), children);
  }

  @Test
  @Order(9)
  void quickFixOfTheUnknownCellTypeIsACodeAction() throws Exception {
    Diagnostic unknownType = awaitDiagnostics(uri).stream().filter(d -> d.getMessage().contains("Kenyon")).findFirst().orElseThrow();
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), unknownType.getRange(), new CodeActionContext(List.of(unknownType)));
    List<Either<Command, CodeAction>> actions = server.getTextDocumentService().codeAction(params).get(TIMEOUT_S, TimeUnit.SECONDS);
    CodeAction first = actions.get(0).getRight();
    assertEquals("Change to 'KC'", first.getTitle());
    assertEquals(MODEL.replace(": Kenyon", ": KC"), apply(MODEL, editsOf(first.getEdit(), uri)));
  }

  @Test
  @Order(10)
  void shutsDownCleanlyAndNeverLoadedNd4j() throws Exception {
    server.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS);
    server.exit();
    assertTrue(process.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "the server should exit after 'exit'");
    assertEquals(0, process.exitValue(), Files.readString(out.resolve("stderr.txt")));
    String classes = Files.readString(out.resolve("classes.log"));
    assertTrue(classes.contains("org.neuromechfly.dmn.circuit.ide.hover.CircuitHoverService"), "the class log should list the server's classes");
    // picocli's look at the other commands loads an engine interface or two, but never ND4J or its natives
    assertFalse(classes.contains(" org.nd4j.") || classes.contains(" org.bytedeco."), "the language server loaded ND4J");
    String transcript = Files.readString(out.resolve("transcript.txt"));
    assertTrue(transcript.contains("Sending notification 'textDocument/publishDiagnostics'") && transcript.contains("Received request 'textDocument/rename"), "transcript");
  }

  // --- the client ------------------------------------------------------------------------------------

  /** Records what the server publishes; answers its requests as a silent editor would. */
  private static final class RecordingClient implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
      diagnostics.add(params);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams params) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {}
  }

  /** The latest diagnostics published for a document, waiting for the first. */
  private static List<Diagnostic> awaitDiagnostics(String documentUri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
    List<Diagnostic> latest = null;
    while (System.nanoTime() < deadline) {
      for (PublishDiagnosticsParams p : diagnostics) {
        if (same(p.getUri(), documentUri)) {
          latest = p.getDiagnostics();
        }
      }
      if (latest != null && !latest.isEmpty()) {
        return latest;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no diagnostics for " + documentUri + " in " + TIMEOUT_S + " s");
  }

  private static boolean same(String a, String b) {
    return java.net.URI.create(a).normalize().getPath().equals(java.net.URI.create(b).normalize().getPath());
  }

  private static org.eclipse.lsp4j.DidChangeTextDocumentParams change(String text, int version) {
    return new org.eclipse.lsp4j.DidChangeTextDocumentParams(
        new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, version),
        List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text)));
  }

  private static List<TextEdit> editsOf(WorkspaceEdit edit, String documentUri) {
    List<TextEdit> edits = new ArrayList<>();
    if (edit.getChanges() != null) {
      for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
        if (same(e.getKey(), documentUri)) {
          edits.addAll(e.getValue());
        }
      }
    }
    if (edit.getDocumentChanges() != null) {
      edit.getDocumentChanges().stream().filter(Either::isLeft).map(Either::getLeft)
          .filter(d -> same(d.getTextDocument().getUri(), documentUri)).forEach(d -> edits.addAll(d.getEdits()));
    }
    assertFalse(edits.isEmpty(), "no edits for " + documentUri + " in " + edit);
    return edits;
  }

  private static String apply(String text, List<TextEdit> edits) {
    StringBuilder result = new StringBuilder(text);
    edits.stream()
        .sorted(Comparator.comparingInt((TextEdit e) -> offset(text, e.getRange().getStart())).reversed())
        .forEach(e -> result.replace(offset(text, e.getRange().getStart()), offset(text, e.getRange().getEnd()), e.getNewText()));
    return result.toString();
  }

  private static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    return offset + position.getCharacter();
  }

  private static Position position(String text, int offset) {
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
  }

  private static int line(String text, String needle) {
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count();
  }

  private static boolean isOn(Either<Boolean, ?> provider) {
    return provider != null && (provider.isRight() || Boolean.TRUE.equals(provider.getLeft()));
  }
}
