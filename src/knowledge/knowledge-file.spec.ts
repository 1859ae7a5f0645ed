import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAskedQuestions } from './asked-questions';
import { KnowledgeFileError, loadKnowledgeDir, parseKnowledgeYaml } from './knowledge-file';

const entry = (id: string, extra = '') => `
- id: ${id}
  question: 玉门市共有多少名民主党派成员?
  similar: [玉门民主党派成员总数]
  answer: 玉门市共有民主党派成员126名。
  tags: [玉门]
  source: { file: 002.txt, quote: 民主党派成员126名 }${extra}
`;

describe('parseKnowledgeYaml', () => {
  it('reads entries and fills optional lists', () => {
    const [parsed] = parseKnowledgeYaml(
      '- id: a\n  question: 问\n  answer: 答\n  source: { file: f.txt, quote: 答 }\n',
      'a.yaml',
    );
    expect(parsed).toMatchObject({ id: 'a', question: '问', similar: [], tags: [], answer: '答' });
  });

  it('accepts an entry threshold', () => {
    expect(parseKnowledgeYaml(entry('a', '\n  threshold: 0.8'), 'a.yaml')[0].threshold).toBe(0.8);
  });

  it.each([
    ['a missing answer', '- id: a\n  question: 问\n  source: { file: f, quote: q }\n', /a\.yaml: entry 1 \(id a\): answer:/],
    ['an empty question', entry('b').replace('玉门市共有多少名民主党派成员?', "''"), /entry 1 \(id b\): question:/],
    ['a bad id', entry('Bad Id'), /entry 1 \(id Bad Id\): id:/],
    ['a missing quote', entry('c').replace(', quote: 民主党派成员126名', ''), /entry 1 \(id c\): source\.quote:/],
    ['an unknown field', entry('d', '\n  answr: x'), /entry 1 \(id d\)/],
    ['a threshold above 1', entry('e', '\n  threshold: 2'), /entry 1 \(id e\): threshold:/],
    ['a mapping instead of a list', 'id: a\n', /a\.yaml: expected a list/],
    ['broken YAML', '- id: [a\n', /a\.yaml: 不是有效的 YAML/],
  ])('names file, entry and field for %s', (_, text, message) => {
    expect(() => parseKnowledgeYaml(text, 'a.yaml')).toThrow(KnowledgeFileError);
    expect(() => parseKnowledgeYaml(text, 'a.yaml')).toThrow(message);
  });

  it('counts entries from 1 in messages', () => {
    const text = entry('a') + entry('b').replace('answer: 玉门市共有民主党派成员126名。', 'answer: ""');
    expect(() => parseKnowledgeYaml(text, 'x.yaml')).toThrow(/x\.yaml: entry 2 \(id b\): answer:/);
  });
});

describe('loadKnowledgeDir', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'knowledge-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads every YAML file of the folder in name order', () => {
    writeFileSync(join(dir, 'b.yaml'), entry('second'));
    writeFileSync(join(dir, 'a.yml'), entry('first'));
    writeFileSync(join(dir, 'notes.txt'), 'not knowledge');
    expect(loadKnowledgeDir(dir).map((e) => e.id)).toEqual(['first', 'second']);
  });

  it('refuses an id used in two files', () => {
    writeFileSync(join(dir, 'a.yaml'), entry('same'));
    writeFileSync(join(dir, 'b.yaml'), entry('same'));
    expect(() => loadKnowledgeDir(dir)).toThrow(/b\.yaml: id same is already used in a\.yaml/);
  });
});

describe('the shipped knowledge base', () => {
  const root = join(__dirname, '..', '..');
  const entries = loadKnowledgeDir(join(root, 'knowledge'));

  it('has entries with unique ids', () => {
    expect(entries.length).toBeGreaterThan(200);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('quotes every source verbatim from its seed document', () => {
    const seeds = new Map<string, string>();
    const seed = (file: string) => {
      if (!seeds.has(file)) seeds.set(file, readFileSync(join(root, 'knowledge', 'sources', file), 'utf8'));
      return seeds.get(file)!;
    };
    const missing = entries.filter((e) => !seed(e.source.file).includes(e.source.quote)).map((e) => `${e.id}: ${e.source.quote}`);
    expect(missing).toEqual([]);
  });

  it('has the questions members asked only of entries it ships', () => {
    const { answered, notAnswered } = loadAskedQuestions(join(root, 'knowledge', 'asked'));
    const ids = new Set(entries.map((e) => e.id));
    expect(answered.size).toBeGreaterThan(100);
    expect(notAnswered.size).toBeGreaterThan(50);
    expect([...answered.keys(), ...notAnswered.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});
