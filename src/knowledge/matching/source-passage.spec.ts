import { passageOf } from './source-passage';

const SOURCE = [
  '您的位置：四川统一战线 > 各地统战工作',
  '【德阳】以民主党派同心基地为平台',
  '（2023-12-04）来源：四川统一战线',
  '',
  '市委统战部积极推动指导，各民主党派主动思考。',
  '加大資金投入。為每個黨派爭取到項目經費增加至20萬元。',
].join('\n');

describe('passageOf', () => {
  it('gives the opening and the paragraph holding the quote, across scripts and punctuation', () => {
    const passage = passageOf(SOURCE, '为每个党派争取到项目经费增加至20万元');
    expect(passage).toContain('【德阳】以民主党派同心基地为平台\n（2023-12-04）');
    expect(passage?.endsWith('\n加大資金投入。為每個黨派爭取到項目經費增加至20萬元。')).toBe(true);
  });

  it('takes only the start of a source that opens with a long paragraph', () => {
    const long = `去年以来，玉门市${'丰富活动形式'.repeat(60)}。\n玉门全市共有126名民主党派成员。`;
    const passage = passageOf(long, '共有126名民主党派成员')!;
    expect(passage.length).toBeLessThan(200);
    expect(passage.startsWith('去年以来，玉门市')).toBe(true);
  });

  it('leaves out the readings a page glosses after characters, which split its words', () => {
    const glossed = '玉門(mén)市配合完成民革酒泉市委會(huì)、九三學(xué)社嘉峪關(guān)市委會(huì)專(zhuān)題調(diào)研6次。';
    expect(passageOf(glossed, '專(zhuān)題調(diào)研6次')?.split('\n')[1]).toBe('玉門市配合完成民革酒泉市委會、九三學社嘉峪關市委會專題調研6次。');
    expect(passageOf(glossed, '专题调研6次')).toBeDefined();
  });

  it('gives nothing for a quote that no paragraph holds', () => {
    expect(passageOf(SOURCE, '每个基地奖励1万元')).toBeUndefined();
    expect(passageOf(SOURCE, '  ')).toBeUndefined();
  });
});
