// Starts the `dmn lsp` language server for .circuit files: diagnostics, completion, hover, definitions,
// references, rename, formatting, outline and quick fixes all come from it (the same services the
// Eclipse editor uses). Colouring comes from the TextMate grammar in syntaxes/.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('circuit.server');
  const serverOptions = {
    command: settings.get('command', 'dmn'),
    args: settings.get('arguments', ['lsp']),
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'circuit' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.circuit') },
  };
  client = new LanguageClient('circuit', 'Circuit language server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
