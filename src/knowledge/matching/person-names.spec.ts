import { personNamesIn, withoutTitlesOf } from './person-names';

describe('people the knowledge names', () => {
  it('reads the people an answer names', () => {
    expect(personNamesIn('2017年底，杭州市委常委、统战部长佟桂莉在上城统一战线内部参阅上给予批示肯定。')).toEqual(['佟桂莉']);
    expect(personNamesIn('中央统战部副部长邹晓东出席成都西部片会并讲话。')).toEqual(['邹晓东']);
    expect(personNamesIn('德阳农工党史料陈列馆于2021年开馆。')).toEqual([]);
  });

  it('sets aside the title a member gives such a person, before the name or after 作为', () => {
    const people = new Set(['佟桂莉', '邹晓东']);
    expect(withoutTitlesOf('浙江省委统战部长佟桂莉2017年底批示肯定了小营的哪项工作？', people)).toBe('佟桂莉2017年底批示肯定了小营的哪项工作？');
    expect(withoutTitlesOf('佟桂莉当时作为浙江省委统战部长给小营作了批示，这个批示是哪天作的？', people)).toBe('佟桂莉当时给小营作了批示，这个批示是哪天作的？');
    // What comes before the title is the member's context: 成都片会上 stays.
    expect(withoutTitlesOf('成都片会上中央统战部副部长邹晓东讲了什么', people)).toBe('成都片会上邹晓东讲了什么');
    // A date, an invitation or a meeting before the title is the member's context too.
    expect(withoutTitlesOf('2019年杭州市委统战部长佟桂莉批示了什么', people)).toBe('2019年佟桂莉批示了什么');
    expect(withoutTitlesOf('襄阳培训班请中央统战部副部长邹晓东讲了什么', people)).toBe('襄阳培训班请邹晓东讲了什么');
    expect(withoutTitlesOf('佟桂莉时任浙江省委统战部长，批示了什么', people)).toBe('佟桂莉，批示了什么');
  });

  it('leaves titles of people it does not know, and a person named without one', () => {
    const people = new Set(['佟桂莉']);
    expect(withoutTitlesOf('四川省委统战部长是谁', people)).toBe('四川省委统战部长是谁');
    expect(withoutTitlesOf('浙江省委统战部长张三批示了什么', people)).toBe('浙江省委统战部长张三批示了什么');
    expect(withoutTitlesOf('佟桂莉批示了什么', people)).toBe('佟桂莉批示了什么');
  });
});
