import { xiangGanInMandarin } from './xiang-gan';

describe('xiangGanInMandarin', () => {
  it('reads words of Hunan, Jiangxi and Hubei in their Mandarin form', () => {
    expect(xiangGanInMandarin('四有是么子意思，冇得人讲过')).toBe('四有是什么意思，没有人讲过');
    expect(xiangGanInMandarin('新乡那个测试有几多人参加')).toBe('新乡那个测试有多少人参加');
    expect(xiangGanInMandarin('小营是么样搞的')).toBe('小营是怎么样搞的');
  });

  it('keeps 么样 where it is part of a Mandarin word', () => {
    for (const text of ['什么样的基地', '小营是怎么样做的', '这么样搞不行']) expect(xiangGanInMandarin(text)).toBe(text);
  });
});
