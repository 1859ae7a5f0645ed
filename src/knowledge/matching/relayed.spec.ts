import { withoutRelaying } from './relayed';

describe('questions asked for someone else', () => {
  it('reads who the member asks for as 请问: what follows is what is asked', () => {
    expect(withoutRelaying('科长问襄阳培训哪天')).toBe('请问襄阳培训哪天');
    expect(withoutRelaying('我们科长让我问一下，玉门有多少成员')).toBe('请问，玉门有多少成员');
    expect(withoutRelaying('帮我爸问问，德阳民革党员之家分了哪几个区')).toBe('请问，德阳民革党员之家分了哪几个区');
    expect(withoutRelaying('同事托我打听下泸州的四度是啥')).toBe('请问泸州的四度是啥');
    expect(withoutRelaying('他就记住了这四个字，让我帮忙问：五融共进是哪个领域的')).toBe('他就记住了这四个字，请问：五融共进是哪个领域的');
  });

  it('keeps words that only hold a role and 问', () => {
    expect(withoutRelaying('老师问题库在哪')).toBe('老师问题库在哪');
    expect(withoutRelaying('法律顾问团是哪年成立的')).toBe('法律顾问团是哪年成立的');
    expect(withoutRelaying('部长问候了哪些老党员')).toBe('部长问候了哪些老党员');
    expect(withoutRelaying('哈尔滨是谁发言的，主任')).toBe('哈尔滨是谁发言的，主任');
  });
});
