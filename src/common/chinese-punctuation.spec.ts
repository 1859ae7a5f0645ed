import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { readYaml } from './yaml';

/**
 * Every sentence members and organisers read is written in the source as a string or template
 * literal. Chinese text takes full-width punctuation (，。：；？！（）); numbers and letters stay
 * half-width. This walks every literal of the service and flags half-width punctuation touching a
 * Chinese character, so a new reply cannot slip through with "您好,我是".
 */
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HALF_WIDTH_NEXT_TO_CHINESE = new RegExp(`[${CJK}][,:;?!()]|[,;?!(][${CJK}]|\\)[${CJK}]`, 'u');
/** Pattern sources kept as strings, and English messages that quote a Chinese word or two. */
const NOT_PROSE = /\(\?|\[|\\|[A-Za-z]{3,}/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

function literalTexts(file: string): Array<{ line: number; text: string }> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ line: number; text: string }> = [];
  const visit = (node: ts.Node) => {
    const texts: string[] = [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    if (ts.isTemplateExpression(node)) texts.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    for (const text of texts) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What members read of the shipped knowledge and question banks; similar questions and source quotes are kept as written. */
const SHOWN_FIELDS: Record<string, string[]> = {
  knowledge: ['question', 'answer'],
  quizzes: ['title', 'description', 'stem', 'options', 'explanation'],
};

function shownTexts(dir: string, fields: string[]): Array<{ where: string; text: string }> {
  const found: Array<{ where: string; text: string }> = [];
  const visit = (value: unknown, where: string, shown: boolean) => {
    if (typeof value === 'string' && shown) found.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`, shown));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`, shown || fields.includes(key));
    }
  };
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    visit(readYaml(fs.readFileSync(path.join(dir, name), 'utf8')), name, false);
  }
  return found;
}

describe('Chinese text in the service', () => {
  it('uses full-width punctuation next to Chinese characters in every literal', () => {
    const root = path.join(__dirname, '..');
    const offending = sourceFiles(root).flatMap((file) =>
      literalTexts(file)
        .filter(({ text }) => !NOT_PROSE.test(text) && HALF_WIDTH_NEXT_TO_CHINESE.test(text))
        .map(({ line, text }) => `${path.relative(root, file)}:${line}: ${text.slice(0, 80)}`),
    );
    expect(offending).toEqual([]);
  });

  it('uses full-width punctuation in the shipped knowledge and question banks members read', () => {
    const root = path.join(__dirname, '..', '..');
    for (const [dir, fields] of Object.entries(SHOWN_FIELDS)) {
      const texts = shownTexts(path.join(root, dir), fields);
      expect(texts.length).toBeGreaterThan(50);
      const offending = texts.filter(({ text }) => HALF_WIDTH_NEXT_TO_CHINESE.test(text)).map(({ where, text }) => `${dir}/${where}: ${text.slice(0, 60)}`);
      expect(offending).toEqual([]);
    }
  });

  it('flags what it should and lets numbers and letters be', () => {
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('您好,我是助手')).toBe(true);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('单位:发送')).toBe(true);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('(未绑定单位)')).toBe(true);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('您好，我是助手。')).toBe(false);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('得分 50/50，答对 4/4 题')).toBe(false);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('A. 成都  B. 重庆')).toBe(false);
    expect(HALF_WIDTH_NEXT_TO_CHINESE.test('1. 回答问题')).toBe(false);
  });
});
