import { NumberedNames } from './numbered-names';

describe('NumberedNames', () => {
  const names = new NumberedNames(['一站六会', '三同三化', '4321工作法', '四有', '九三同心春香关爱', '三个带头', '三维发力']);

  it('reads a name recalled with 几 for its numeral as the knowledge writes it', () => {
    expect(names.read('他们那个基层统战组织说是一站几会的那个具体叫啥')).toBe('他们那个基层统战组织说是一站六会的那个具体叫啥');
    expect(names.read('小营的三同几化指什么')).toBe('小营的三同三化指什么');
  });

  it('leaves questions with 几, counts (三个带头), short names and names two alike fit as they are', () => {
    expect(names.read('襄阳建了几个站几个会')).toBe('襄阳建了几个站几个会');
    expect(names.read('民进的几有指什么')).toBe('民进的几有指什么');
    expect(names.read('新乡市委书记要做到几个带头')).toBe('新乡市委书记要做到几个带头');
    expect(names.read('泸州统战是几维发力')).toBe('泸州统战是几维发力');
    const alike = new NumberedNames(['三同三化', '三同四化']);
    expect(alike.read('小营的三同几化指什么')).toBe('小营的三同几化指什么');
  });
});
