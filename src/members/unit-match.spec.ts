import { matchUnit } from './unit-match';

const units = [
  { name: '民革新乡市委', aliases: [] },
  { name: '民盟新乡市委', aliases: ['民盟新乡'] },
  { name: '民革德阳市委', aliases: ['民革'] },
  { name: '九三学社德阳市委', aliases: ['九三'] },
];
const names = (text: string) => {
  const match = matchUnit(text, units);
  return match.kind === 'exact' ? [match.unit.name] : match.kind === 'fuzzy' ? match.candidates.map((u) => u.name) : [];
};

describe('matchUnit', () => {
  it('finds exact names and aliases in any script or width', () => {
    expect(matchUnit('九三', units)).toMatchObject({ kind: 'exact', unit: { name: '九三学社德阳市委' } });
    expect(matchUnit('民革德陽市委', units)).toMatchObject({ kind: 'exact', unit: { name: '民革德阳市委' } });
  });

  it('offers no unit that differs in what distinguishes it', () => {
    expect(names('民进新乡')).toEqual([]);
    expect(names('民进新乡市委')).toEqual([]);
    expect(names('致公党德阳')).toEqual([]);
  });

  it('still offers close names, typos that sound alike, and parts of a name', () => {
    expect(names('民革德杨')).toEqual(['民革德阳市委']);
    expect(names('新乡民盟')).toEqual(['民盟新乡市委']);
    expect(names('九三学社德阳')).toEqual(['九三学社德阳市委']);
    expect(names('新乡市委')).toEqual(expect.arrayContaining(['民革新乡市委', '民盟新乡市委']));
  });
});
