#!/usr/bin/env node
// Collects the answerable questions of the evaluation sets' tune halves (test/fixtures/qa-*-tune.yaml)
// into knowledge/asked/, one file a set: questions members asked in their own words, with the entry
// they ask about and the source's words (fact) they rest on. Typo and Traditional questions are left
// out (the matcher corrects those itself, and misspelt text would teach it misspellings); of a long
// question only the sentence that asks is kept, since its story is the wording of other entries.
// The test halves and whole clean-check sets are never collected. Usage: npm run asked:collect
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const KINDS = new Set(['paraphrase', 'colloquial', 'short', 'figurative', 'long']);
const LONG_KEPT_CHARS = 30;
const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures');
const out = path.join(root, 'knowledge', 'asked');

/** The sentence of a long question that asks: its last, or that sentence's last two clauses. */
function askingPart(text) {
  const sentences = text.split(/[。？！?!]/).filter((s) => s.trim());
  const last = sentences.length ? sentences[sentences.length - 1] : text;
  if (Array.from(last).length <= LONG_KEPT_CHARS) return last.trim();
  return last.split(/[，,；;]/).filter((c) => c.trim()).slice(-2).join('，').trim();
}

/** The fact comment under each item (# fact: "…"), in item order. */
function factsOf(source) {
  return source.split(/^(?=- text:)/m).slice(1).map((block) => {
    const m = /#\s*fact:\s*"((?:[^"\\]|\\.)*)"|#\s*fact:\s*(.+)/.exec(block);
    return m ? (m[1] ?? m[2]).trim() : undefined;
  });
}

fs.mkdirSync(out, { recursive: true });
let total = 0;
for (const file of fs.readdirSync(fixtures).filter((f) => /^qa-.*-tune\.yaml$/.test(f)).sort()) {
  const source = fs.readFileSync(path.join(fixtures, file), 'utf8');
  const items = YAML.parse(source);
  const facts = factsOf(source);
  if (facts.length !== items.length) throw new Error(`${file}: ${items.length} items but ${facts.length} blocks`);
  const asked = [];
  items.forEach((item, i) => {
    if (!item.expect || !KINDS.has(item.kind)) return;
    const text = item.kind === 'long' ? askingPart(item.text) : item.text.trim();
    asked.push(facts[i] ? { entry: item.expect, text, fact: facts[i] } : { entry: item.expect, text });
  });
  const name = file.replace(/^qa-/, '');
  const header =
    `# Questions asked in members' own words, from the tune half ${file} (written from the sources by someone\n` +
    `# who saw no knowledge file); collected by scripts/collect-asked.js. They add wording, never facts.\n`;
  fs.writeFileSync(path.join(out, name), header + YAML.stringify(asked, { lineWidth: 0 }));
  total += asked.length;
}
console.log(`${total} questions written to ${path.relative(root, out)}`);
