import { withoutSelfDescription } from './asking';
import { jinInMandarin } from './jin';

describe('jinInMandarin', () => {
  it('reads Jin words in their Mandarin form', () => {
    expect(jinInMandarin('德阳民革那个党员之家盖在甚地方，是不是5G那搭？')).toBe('德阳民革那个党员之家盖在什么地方，是不是5G那里？');
    expect(jinInMandarin('泸州把统战工作比成做甚营生？甚麼意思')).toBe('泸州把统战工作比成做什么营生？什么意思');
    expect(jinInMandarin('额们支部咋介学，领导叫额先看看')).toBe('我们支部怎么学，领导叫我先看看');
  });

  it('keeps Mandarin words holding 甚, 额 and 搭', () => {
    for (const text of ['甚至有人说奖励甚多', '更有甚者说有两百多个', '党员之家甚是气派', '名额有多少，金额多大，额度够不够', '搭建了什么平台', '欺人太甚', '心甚慰焉，甚合吾意']) expect(jinInMandarin(text)).toBe(text);
  });

  it("lets a Jin member's account of themselves be set aside like any other", () => {
    expect(withoutSelfDescription(jinInMandarin('额是大同一个乡镇的统战委员，襄阳那边后头两句是甚？'))).not.toContain('大同');
  });
});
