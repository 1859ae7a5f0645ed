import { inMandarin } from './cantonese';

describe('inMandarin', () => {
  it('reads Cantonese words in their Mandarin form', () => {
    expect(inMandarin('襄阳同哈尔滨嘅统战工作领导小组机制,边个更有效?')).toBe('襄阳同哈尔滨的统战工作领导小组机制,哪个更有效?');
    expect(inMandarin('成华区全区有幾多個社会组织统战示范点?佢哋喺邊度?')).toBe('成华区全区有多少個社会组织统战示范点?他们在哪里?');
    expect(inMandarin('德阳民革党员之家係咪喺5G产业园?')).toBe('德阳民革党员之家是不是在5G产业园?');
    expect(inMandarin('我想问吓佢讲嘅「4个有」係咩')).toBe('我想问一下他讲的「4个有」是什么');
  });

  it('leaves Mandarin alone, and words of its own in Cantonese', () => {
    for (const text of ['两岸關係怎么样', '几多年了', '问吓一跳', '这个系统是什么']) expect(inMandarin(text)).toBe(text);
    expect(inMandarin('佢哋嘅關係點樣')).toBe('他们的關係怎么');
  });
});
