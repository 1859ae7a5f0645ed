import { withoutDoubts } from './doubts';

describe('a guess the member doubts before asking openly', () => {
  it('is left out when a later clause asks with a question word of its own', () => {
    expect(withoutDoubts('襄阳那个培训班不会是在武汉开的吧？到底在哪儿办的？')).toBe('襄阳那个培训班？到底在哪儿办的？');
    expect(withoutDoubts('成都那个法律服务中心，不是第二批的重点项目吧？它算第几批？')).toBe('成都那个法律服务中心，？它算第几批？');
    expect(withoutDoubts('今年的片会，不会就西部这一场吧？一共安排了几场？')).toBe('今年的片会，？一共安排了几场？');
  });

  it('stays when nothing else asks, when the question points back at it, or when it is a belief or no doubt', () => {
    expect(withoutDoubts('九三社员捐钱捐东西，没捐到30万吧？')).toBe('九三社员捐钱捐东西，没捐到30万吧？');
    expect(withoutDoubts('泸州那53个基地，不会是2022年一年就命名完的吧？那年命名了几个？')).toBe('泸州那53个基地，不会是2022年一年就命名完的吧？那年命名了几个？');
    expect(withoutDoubts('德阳不是给国家级基地奖6万吗，那省级给多少？')).toBe('德阳不是给国家级基地奖6万吗，那省级给多少？');
    expect(withoutDoubts('我没记错的话泸州是把统战比作酿酒吧？原话是啥')).toBe('我没记错的话泸州是把统战比作酿酒吧？原话是啥');
    expect(withoutDoubts('是不是在襄阳开的吧？哪天开的')).toBe('是不是在襄阳开的吧？哪天开的');
  });
});
