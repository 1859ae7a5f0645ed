import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceTexts } from './source-texts';

describe('SourceTexts', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sources-'));
  const dir = path.join(root, 'sources');
  beforeAll(() => {
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.txt'), '标题\n日期\n导语\n玉门全市共有126名民主党派成员。\n');
    writeFileSync(path.join(root, 'secret.txt'), '玉门全市共有126名民主党派成员。\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives the passage of a quote in a source of the folder', () => {
    expect(new SourceTexts(dir).passage('a.txt', '共有126名民主党派成员')).toContain('玉门全市共有126名');
  });

  it('gives nothing for a missing file, a missing quote or a name outside the folder', () => {
    const sources = new SourceTexts(dir);
    expect(sources.passage('b.txt', '共有126名')).toBeUndefined();
    expect(sources.passage('a.txt', '每个基地奖励1万元')).toBeUndefined();
    expect(sources.passage('../secret.txt', '共有126名')).toBeUndefined();
    expect(sources.passage(null, '共有126名')).toBeUndefined();
  });
});
