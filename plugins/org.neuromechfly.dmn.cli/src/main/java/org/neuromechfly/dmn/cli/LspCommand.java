package org.neuromechfly.dmn.cli;

import com.google.inject.Guice;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dmn lsp}: the language server for editors other than Eclipse (VS Code, neovim, Emacs, …) over
 * standard input and output. It is Xtext's language server with the circuit language's .ide services
 * (found through {@code META-INF/services/org.eclipse.xtext.ISetup}), the same services the Eclipse
 * editor calls: diagnostics, completion, hover, definition, references, rename, formatting, document
 * symbols, folding and quick fixes. It never touches the engine, so ND4J is never loaded.
 */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the .circuit language over stdio (Language Server Protocol) for VS Code, neovim, Emacs and other editors.",
      "Start it from the editor, not by hand: it reads JSON-RPC messages on standard input until the editor closes it."})
final class LspCommand implements Callable<Integer> {

  @Option(names = "--trace", paramLabel = "FILE", description = "append every JSON-RPC message the server receives and sends to FILE")
  Path trace;

  @Override
  public Integer call() throws Exception {
    InputStream protocolIn = System.in;
    PrintStream protocolOut = System.out;
    // standard output carries the protocol: anything else printed there (a library's log line) would
    // corrupt it, so it goes to standard error, and nothing else may read standard input
    System.setOut(new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream(new byte[0]));
    try (PrintWriter traceWriter = trace == null ? null : new PrintWriter(new FileOutputStream(trace.toFile(), true), true, StandardCharsets.UTF_8)) {
      LanguageServerImpl server = Guice.createInjector(new ServerModule()).getInstance(CircuitLanguageServer.class);
      Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, protocolIn, protocolOut, true, traceWriter);
      server.connect(launcher.getRemoteProxy());
      // returns when the editor closes the connection (after 'exit', or when it goes away)
      launcher.startListening().get();
    }
    return 0;
  }

  /**
   * Xtext's server, with one allowance: an editor that names no workspace (a single file opened in
   * Emacs, say) gets the folder the server was started in, rather than an internal error.
   */
  static class CircuitLanguageServer extends LanguageServerImpl {
    @Override
    protected URI getBaseDir(InitializeParams params) {
      URI named = super.getBaseDir(params);
      return named != null ? named : URI.createFileURI(Path.of("").toAbsolutePath().toString() + "/");
    }
  }
}
