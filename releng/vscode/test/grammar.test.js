// Checks the TextMate grammar against the language: its keywords are exactly the Xtext grammar's, and
// the example model tokenizes into the expected scopes (keywords, names, cell types, numbers, units
// only after numbers, comments, strings). Run by `npm test` (the Maven build runs it).
const fs = require('fs');
const path = require('path');
const assert = require('assert');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..', '..');
const grammarFile = path.join(__dirname, '..', 'syntaxes', 'circuit.tmLanguage.json');
const tmGrammar = JSON.parse(fs.readFileSync(grammarFile, 'utf8'));

function keywordsOfXtext() {
  const xtext = fs.readFileSync(path.join(root, 'plugins/org.neuromechfly.dmn.circuit/src/org/neuromechfly/dmn/circuit/Circuit.xtext'), 'utf8');
  const parserRules = xtext.split('terminal EXPONENT')[0];
  return new Set([...parserRules.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]));
}

function keywordsOfTextMate() {
  const words = new Set();
  for (const pattern of tmGrammar.repository.keywords.patterns) {
    const alternatives = pattern.match.replace(/^\\b\(/, '').replace(/\)\\b$/, '');
    alternatives.split('|').forEach((w) => words.add(w));
  }
  return words;
}

async function tokenize(text) {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarFile, 'utf8'), grammarFile),
  });
  const grammar = await registry.loadGrammar('source.circuit');
  const tokens = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({ text: line.substring(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

function scopeOf(tokens, text, nth = 0) {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found.length > nth, `no token '${text}' (#${nth})`);
  return found[nth].scopes[found[nth].scopes.length - 1];
}

(async () => {
  const xtext = keywordsOfXtext();
  const textMate = keywordsOfTextMate();
  const missing = [...xtext].filter((k) => !textMate.has(k));
  const extra = [...textMate].filter((k) => !xtext.has(k));
  assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] }, 'TextMate keywords differ from Circuit.xtext');

  const example = fs.readFileSync(path.join(root, 'dsl-examples', 'olfactory.circuit'), 'utf8');
  const tokens = await tokenize(example);
  const expect = (text, scope, nth) => assert.strictEqual(scopeOf(tokens, text, nth), scope, `scope of '${text}'`);
  expect('population', 'keyword.control.circuit');
  expect('KC', 'entity.name.type.population.circuit', 0);
  expect('KC', 'support.type.cell-type.circuit', 1);
  expect('tau_mem', 'keyword.other.circuit');
  expect('10', 'constant.numeric.circuit');
  expect('ms', 'keyword.other.unit.circuit');
  expect('mm/s', 'keyword.other.unit.circuit');
  expect('%', 'keyword.other.unit.circuit');
  expect('x', 'keyword.other.circuit');
  expect('->', 'keyword.operator.circuit');
  assert.ok(tokens.some((t) => t.text.startsWith('// Odour navigation') && t.scopes.includes('comment.line.double-slash.circuit')), 'comments');
  assert.ok(tokens.some((t) => t.text === 'olfactory.nir' && t.scopes.includes('string.quoted.double.circuit')), 'strings');
  // a unit is a unit only after a number: a population may be called 's'
  const named = await tokenize('population s : KC { count 5 }');
  assert.strictEqual(scopeOf(named, 's'), 'entity.name.type.population.circuit');
  console.log(`grammar ok: ${xtext.size} keywords match Circuit.xtext; ${tokens.length} tokens of olfactory.circuit in the expected scopes`);
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
