#!/usr/bin/env node
// Collects the questions of the evaluation sets' tune halves (test/fixtures/qa-*-tune.yaml) into
// knowledge/asked/, one file a set: questions members asked in their own words, with the entry they
// ask about and the source's words (fact) they rest on. Typo and Traditional questions are left
// out (the matcher corrects those itself, and misspelt text would teach it misspellings), and so are
// questions with words typed in pinyin that it reads itself (guojiaji, tzb); of a long
// question only the sentence that asks is kept, since its story is the wording of other entries; of a
// dictated one, what the member said after correcting themselves (哦不对, 我想问的是).
// Questions no entry answers (near misses, out of scope) are kept with the entry the matcher finds
// closest, when it would at least suggest it, as `answers: false`: a question more like one of them
// than like the entry's own is then only suggested. The closest entry is found with the built
// matcher (dist/) and the knowledge's answered questions only, so a new collection does not depend
// on the last one. The test halves and whole clean-check sets are never collected.
// Usage: npm run asked:collect
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { asCorrected, DEFAULT_THRESHOLDS, normaliseQuestion, withoutChoices, withPausesMarked } = require('../dist/src/knowledge/matching');
const { QUESTION_WORD } = require('../dist/src/knowledge/matching/details');
const { shippedIndex } = require('../dist/src/knowledge/shipped-index');

const KINDS = new Set(['paraphrase', 'colloquial', 'short', 'figurative', 'long']);
const LONG_KEPT_CHARS = 30;
const root = path.resolve(__dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures');
const out = path.join(root, 'knowledge', 'asked');

/**
 * The sentence of a long question that asks: its last that asks, or the clause of it that asks with the clause
 * before (a pause between words ends a clause); courtesies after it (烦请逐一告知，不胜感激; 拜托讲清楚一点) ask nothing.
 */
function askingPart(text) {
  const sentences = text.split(/[。？！?!]/).filter((s) => s.trim());
  const asks = (part) => QUESTION_WORD.test(normaliseQuestion(part));
  const last = [...sentences].reverse().find(asks) ?? sentences[sentences.length - 1] ?? text;
  if (Array.from(last).length <= LONG_KEPT_CHARS) return last.trim();
  // Pauses read as sentence ends (withPausesMarked) part clauses here as commas do.
  const clauses = withPausesMarked(last).split(/[，,；;。]/).filter((c) => c.trim());
  const asking = clauses.map(asks).lastIndexOf(true);
  const end = asking >= 0 ? asking + 1 : clauses.length;
  return clauses.slice(Math.max(0, end - 2), end).join('，').trim();
}

/** The fact comment under each item (# fact: "…"), and what a near miss changed (# change: …), in item order. */
function commentsOf(source) {
  return source.split(/^(?=- text:)/m).slice(1).map((block) => {
    const fact = /#\s*fact:\s*"((?:[^"\\]|\\.)*)"|#\s*fact:\s*(.+)/.exec(block);
    // # change: year; changed: 2023→2021;… (near misses) or # changed: 天气预报,未涉及 (out of scope)
    const changed = /#\s*(?:change:\s*(\w+);\s*)?changed:\s*(.+)/.exec(block);
    return {
      fact: fact ? (fact[1] ?? fact[2]).trim() : undefined,
      changed: changed ? `${changed[1] ? `${changed[1]}: ` : ''}${changed[2].trim().replace(/^"|"$/g, '')}` : undefined,
    };
  });
}

fs.mkdirSync(out, { recursive: true });
// The questions entries answer only, so that a new collection does not depend on the last.
const index = shippedIndex(path.join(root, 'knowledge'), { withNotAnswered: false });
let total = 0;
let near = 0;
for (const file of fs.readdirSync(fixtures).filter((f) => /^qa-.*-tune\.yaml$/.test(f)).sort()) {
  const source = fs.readFileSync(path.join(fixtures, file), 'utf8');
  const items = YAML.parse(source);
  const comments = commentsOf(source);
  if (comments.length !== items.length) throw new Error(`${file}: ${items.length} items but ${comments.length} blocks`);
  const asked = [];
  items.forEach((item, i) => {
    const { fact, changed } = comments[i];
    const said = asCorrected(item.text);
    // Pinyin the matcher reads itself, as it corrects typos: spelt out, it would teach it spellings.
    if (index.spelledInPinyin(said)) return;
    if (item.expect === null) {
      const [closest] = index.match(said, 1);
      if (!closest || closest.score < DEFAULT_THRESHOLDS.suggest) return;
      asked.push({ entry: closest.id, text: said.trim(), answers: false, ...(changed ? { changed } : {}) });
      near++;
      return;
    }
    if (!KINDS.has(item.kind)) return;
    // A quiz question's choices are guesses, not the member's wording of what they ask.
    const stem = withoutChoices(said).replace(/[\s，]+$/, '');
    const text = item.kind === 'long' ? askingPart(stem) : stem.trim();
    asked.push(fact ? { entry: item.expect, text, fact } : { entry: item.expect, text });
  });
  const name = file.replace(/^qa-/, '');
  const header =
    `# Questions asked in members' own words, from the tune half ${file} (written from the sources by someone\n` +
    `# who saw no knowledge file); collected by scripts/collect-asked.js. They add wording, never facts;\n` +
    `# those with answers: false come close to the entry named but are not answered by it.\n`;
  fs.writeFileSync(path.join(out, name), header + YAML.stringify(asked, { lineWidth: 0 }));
  total += asked.length;
}
console.log(`${total} questions written to ${path.relative(root, out)}, ${near} of them not answered by the entry named`);
