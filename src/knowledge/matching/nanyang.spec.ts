import { nanyangInMandarin } from './nanyang';

describe('nanyangInMandarin', () => {
  it('reads the particles and turns of Singapore and Malaysia Chinese as Mandarin', () => {
    expect(nanyangInMandarin('九三社员为那个基地捐了大概几多lah？')).toBe('九三社员为那个基地捐了大概几多？');
    expect(nanyangInMandarin('组织架构是怎样搭的ah，几层的')).toBe('组织架构是怎样搭的，几层的');
    expect(nanyangInMandarin('一个县什么、一个领域什么的，can share or not？')).toBe('一个县什么、一个领域什么的，可以吗？');
    expect(nanyangInMandarin('我想知道是不是真有酱的事，做了几次酱？')).toBe('我想知道是不是真有这样的事，做了几次这样？');
  });

  it('keeps English words that are not particles, and 酱 of food', () => {
    for (const text of ['成都的MFG创客联邦在哪', '这个bot是谁做的', '酱油和果酱，酱酒', 'ah']) expect(nanyangInMandarin(text)).toBe(text);
  });
});
