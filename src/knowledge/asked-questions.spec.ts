import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAskedQuestions } from './asked-questions';

describe('loadAskedQuestions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'asked-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives each entry the questions asked of it, once each, across files', () => {
    writeFileSync(
      path.join(dir, 'a.yaml'),
      '- entry: yumen-brand\n  text: 玉门那个像小酒吧的宣传品牌叫啥\n  fact: 创新打造了“同心讲吧”宣传品牌\n- entry: xiangyang-bases\n  text: 襄阳建了多少基地\n',
    );
    writeFileSync(path.join(dir, 'b.yml'), '- entry: yumen-brand\n  text: 玉门那个像小酒吧的宣传品牌叫啥\n- entry: yumen-brand\n  text: 玉门的讲吧品牌\n');
    const { answered, notAnswered } = loadAskedQuestions(dir);
    expect(answered.get('yumen-brand')).toEqual(['玉门那个像小酒吧的宣传品牌叫啥', '玉门的讲吧品牌']);
    expect(answered.get('xiangyang-bases')).toEqual(['襄阳建了多少基地']);
    expect(notAnswered.size).toBe(0);
  });

  it('keeps apart the questions an entry comes close to but does not answer', () => {
    writeFileSync(
      path.join(dir, 'a.yaml'),
      '- entry: xiangyang-bases\n  text: 襄阳建了多少基地\n- entry: xiangyang-bases\n  text: 十堰建了多少基地\n  answers: false\n  changed: "place: 襄阳→十堰"\n',
    );
    const { answered, notAnswered } = loadAskedQuestions(dir);
    expect(answered.get('xiangyang-bases')).toEqual(['襄阳建了多少基地']);
    expect(notAnswered.get('xiangyang-bases')).toEqual(['十堰建了多少基地']);
  });

  it('leaves out the files it is told to, so a set can be measured as unseen', () => {
    writeFileSync(path.join(dir, 'fresh1-tune.yaml'), '- entry: xiangyang-bases\n  text: 襄阳建了多少基地\n');
    writeFileSync(path.join(dir, 'fresh2-tune.yaml'), '- entry: xiangyang-bases\n  text: 襄阳的基地数\n');
    const { answered } = loadAskedQuestions(dir, { except: ['fresh1-tune.yaml'] });
    expect(answered.get('xiangyang-bases')).toEqual(['襄阳的基地数']);
  });

  it('has none when the folder is missing or a file is empty', () => {
    expect(loadAskedQuestions(path.join(dir, 'none')).answered.size).toBe(0);
    writeFileSync(path.join(dir, 'empty.yaml'), '');
    expect(loadAskedQuestions(dir).answered.size).toBe(0);
  });

  it('names the file, the question and the field of what it cannot take', () => {
    writeFileSync(path.join(dir, 'bad.yaml'), '- entry: yumen-brand\n  text: 玉门的讲吧品牌\n- entry: Yumen Brand\n  text: 讲吧\n');
    expect(() => loadAskedQuestions(dir)).toThrow('asked/bad.yaml: question 2: entry: expected an entry id');
    writeFileSync(path.join(dir, 'bad.yaml'), `- entry: yumen-brand\n  text: ${'长'.repeat(201)}\n`);
    expect(() => loadAskedQuestions(dir)).toThrow(/asked\/bad\.yaml: question 1: text/);
    writeFileSync(path.join(dir, 'bad.yaml'), '- entry: yumen-brand\n  text: 讲吧\n  answers: 不是\n');
    expect(() => loadAskedQuestions(dir)).toThrow(/asked\/bad\.yaml: question 1: answers/);
    writeFileSync(path.join(dir, 'bad.yaml'), 'entry: yumen-brand\n');
    expect(() => loadAskedQuestions(dir)).toThrow('asked/bad.yaml: expected a list of questions');
    writeFileSync(path.join(dir, 'bad.yaml'), '- entry: [\n');
    expect(() => loadAskedQuestions(dir)).toThrow(/asked\/bad\.yaml: 不是有效的 YAML/);
  });
});
