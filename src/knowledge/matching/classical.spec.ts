import { withoutSelfDescription } from './asking';
import { classicalInMandarin } from './classical';

describe('classicalInMandarin', () => {
  it('reads half-classical question words in their Mandarin form', () => {
    expect(classicalInMandarin('陈列馆迎客几何？')).toBe('陈列馆迎客多少？');
    expect(classicalInMandarin('片会在何处开？')).toBe('片会在哪里开？');
    expect(classicalInMandarin('敢问此馆全称为何？')).toBe('敢问此馆全称是什么？');
    expect(classicalInMandarin('襄阳此番培训，系何单位牵头主办？童光源何职？')).toBe('襄阳此番培训，是哪个单位牵头主办？童光源什么职？');
    expect(classicalInMandarin('宜宾亦建有调解体系否？其做法若何')).toBe('宜宾亦建有调解体系吗？其做法怎么样');
    expect(classicalInMandarin('文中借了两句成语，乃哪两句耶？')).toBe('文中借了两句成语，是哪两句？');
  });

  it('keeps 为何 asking why, and Mandarin words holding 何, 乃 and 否', () => {
    for (const text of ['为何改到武汉举办', '如何申请，任何人都可以吗', '如何处理，何况', '重点联系谁，关系哪些人，连系哪类人', '只有126名，不知为何？', '在下半年还要召开几个片会', '新疆伊吾县和维吾尔族', '究竟为何？', '每月开讲几回，然否？', '题目里带个几何上的维度词', '乃至全国', '是否属实，可否告知', '不在乎', '几乎']) {
      expect(classicalInMandarin(text)).toBe(text);
    }
  });

  it("lets a member's account of themselves in classical words be set aside like any other", () => {
    const read = classicalInMandarin('鄙人退休前在中江县教了三十年书。敢问此馆全称为何？');
    expect(read.startsWith('我')).toBe(true);
    expect(withoutSelfDescription(read)).not.toContain('中江');
  });
});
