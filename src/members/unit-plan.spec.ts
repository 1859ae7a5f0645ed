import { planUnits, UnitPlanError } from './unit-plan';
import { parseRoster, RosterError } from './roster';

describe('planUnits', () => {
  it('orders parents before children', () => {
    const plan = planUnits([{ name: 'c', parent: 'b' }, { name: 'b', parent: 'a' }, { name: 'a' }], []);
    expect(plan.map((u) => u.name)).toEqual(['a', 'b', 'c']);
  });
  it('accepts parents that already exist', () => {
    expect(planUnits([{ name: 'b', parent: 'a' }], [{ name: 'a', parent: null }])).toHaveLength(1);
  });
  it.each([
    [[{ name: 'a' }, { name: 'a' }], /appears twice/],
    [[{ name: 'a', parent: 'a' }], /own parent/],
    [[{ name: 'a', parent: 'zz' }], /does not exist/],
    [[{ name: 'a', parent: 'b' }, { name: 'b', parent: 'a' }], /own ancestor/],
  ])('refuses %j', (items, message) => {
    expect(() => planUnits(items, [])).toThrow(UnitPlanError);
    expect(() => planUnits(items, [])).toThrow(message);
  });
  it('sees a cycle through existing units', () => {
    expect(() => planUnits([{ name: 'a', parent: 'b' }], [{ name: 'b', parent: 'a' }, { name: 'a', parent: null }])).toThrow(/own ancestor/);
  });
});

describe('parseRoster', () => {
  const sheet = (rows: string[][]) => [{ name: 'csv', rows }];
  it('reads units and members, and makes units of parents named only as 上级单位', () => {
    const roster = parseRoster(
      sheet([
        ['序号', '单位', '上级单位', '人数', '姓名'],
        ['1', '甲支部', '总部', '3', '张三'],
        ['2', '甲支部', '', '', '李四'],
        ['', '', '', '', ''],
      ]),
    );
    expect(roster.units).toEqual([
      { name: '甲支部', parent: '总部', headcount: 3, aliases: undefined },
      { name: '总部', aliases: undefined },
    ]);
    expect(roster.members.map((m) => m.name)).toEqual(['张三', '李四']);
  });
  it.each([
    [[['单位', '人数'], ['', '3']], 2, /单位 is empty/],
    [[['单位', '人数'], ['甲', '3人']], 2, /not a whole number/],
    [[['单位', '人数'], ['甲', '3'], ['甲', '4']], 3, /differs/],
    [[['名字'], ['张三']], 1, /no header row/],
  ])('names the bad row of %j', (rows, row, reason) => {
    try {
      parseRoster(sheet(rows));
      throw new Error('expected a RosterError');
    } catch (err) {
      expect(err).toBeInstanceOf(RosterError);
      expect((err as RosterError).row).toBe(row);
      expect((err as Error).message).toMatch(reason);
    }
  });
});
