import { withoutRelaying } from './relayed';

describe('questions asked for someone else', () => {
  it('leaves out who the member asks for', () => {
    expect(withoutRelaying('科长问襄阳培训哪天').trim()).toBe('襄阳培训哪天');
    expect(withoutRelaying('我们科长让我问一下，玉门有多少成员').trim()).toBe('，玉门有多少成员');
    expect(withoutRelaying('帮我爸问问，德阳民革党员之家分了哪几个区').trim()).toBe('，德阳民革党员之家分了哪几个区');
    expect(withoutRelaying('同事托我打听下泸州的四度是啥').trim()).toBe('泸州的四度是啥');
  });

  it('keeps words that only hold a role and 问', () => {
    expect(withoutRelaying('老师问题库在哪')).toBe('老师问题库在哪');
    expect(withoutRelaying('法律顾问团是哪年成立的')).toBe('法律顾问团是哪年成立的');
    expect(withoutRelaying('哈尔滨是谁发言的，主任')).toBe('哈尔滨是谁发言的，主任');
  });
});
