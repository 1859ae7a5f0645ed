import { planUnits, UnitPlanError } from './unit-plan';
import { readRoster } from './roster';

describe('planUnits', () => {
  it('orders parents before children', () => {
    const plan = planUnits([{ name: 'c', parent: 'b' }, { name: 'b', parent: 'a' }, { name: 'a' }], []);
    expect(plan.map((u) => u.name)).toEqual(['a', 'b', 'c']);
  });
  it('accepts parents that already exist', () => {
    expect(planUnits([{ name: 'b', parent: 'a' }], [{ name: 'a', parent: null }])).toHaveLength(1);
  });
  it.each([
    [[{ name: 'a' }, { name: 'a' }], /重复出现/],
    [[{ name: 'a', parent: 'a' }], /不能是自己的上级单位/],
    [[{ name: 'a', parent: 'zz' }], /不存在/],
    [[{ name: 'a', parent: 'b' }, { name: 'b', parent: 'a' }], /循环/],
  ])('refuses %j', (items, message) => {
    expect(() => planUnits(items, [])).toThrow(UnitPlanError);
    expect(() => planUnits(items, [])).toThrow(message);
  });
  it('sees a cycle through existing units', () => {
    expect(() => planUnits([{ name: 'a', parent: 'b' }], [{ name: 'b', parent: 'a' }, { name: 'a', parent: null }])).toThrow(/循环/);
  });
});

describe('readRoster', () => {
  const sheet = (rows: string[][]) => [{ name: 'csv', rows }];
  it('reads units and members, and makes units of parents named only as 上级单位', () => {
    const { roster, rows, errors } = readRoster(
      sheet([
        ['序号', '单位', '上级单位', '人数', '姓名'],
        ['1', '甲支部', '总部', '3', '张三'],
        ['2', '甲支部', '', '', '李四'],
        ['', '', '', '', ''],
      ]),
    );
    expect(errors).toEqual([]);
    expect(roster.units).toEqual([
      { name: '甲支部', parent: '总部', headcount: 3, aliases: undefined, row: 2 },
      { name: '总部', aliases: undefined, row: 2 },
    ]);
    expect(roster.members.map((m) => m.name)).toEqual(['张三', '李四']);
    expect(rows.map((r) => [r.row, r.unit, r.name])).toEqual([
      [2, '甲支部', '张三'],
      [3, '甲支部', '李四'],
    ]);
  });
  it.each([
    [[['单位', '人数'], ['', '3']], 2, /「单位」为空/],
    [[['单位', '人数'], ['甲', '3人']], 2, /不是整数/],
    [[['单位', '人数'], ['甲', '3'], ['甲', '4']], 3, /不一致/],
    [[['名字'], ['张三']], 1, /没有找到含「单位」列的表头行/],
  ])('names the bad row of %j', (rows, row, reason) => {
    const { errors } = readRoster(sheet(rows));
    expect(errors).toHaveLength(1);
    expect(errors[0].row).toBe(row);
    expect(errors[0].reason).toMatch(reason);
  });
  it('lists every bad row, not the first only, and keeps the good rows', () => {
    const { roster, errors } = readRoster(
      sheet([
        ['单位', '人数', '姓名'],
        ['甲', '十二', '张三'],
        ['乙', '2', '李四'],
        ['', '2', '王五'],
        ['丙', '1', 'x'.repeat(51)],
      ]),
    );
    expect(errors.map((e) => e.row)).toEqual([2, 4, 5]);
    expect(roster.members.map((m) => m.name)).toEqual(['李四']);
  });
});
