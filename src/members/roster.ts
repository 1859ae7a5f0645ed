import { locateColumns, SheetRowError, type Sheet } from '../common/tabular';
import type { UnitInput } from './unit-plan';

/** A roster as organisers keep it: one row per member or per unit, with Chinese headers. */
export interface Roster {
  units: UnitInput[];
  members: Array<{ name: string; unit: string; wechatId?: string; row: number }>;
}

export class RosterError extends SheetRowError {}

const COLUMNS = {
  unit: ['单位', '单位名称', '所在单位', '單位'],
  parent: ['上级单位', '上級單位', '上级'],
  headcount: ['人数', '人數', '应参与人数', '职工人数'],
  name: ['姓名', '名字', '成员', '成员姓名'],
  aliases: ['别名', '简称', '單位簡稱', '单位简称'],
  wechatId: ['微信号', '微信ID', '微信id', 'wxid'],
};

export function parseRoster(sheets: Sheet[]): Roster {
  const units = new Map<string, UnitInput & { row: number }>();
  const members: Roster['members'] = [];
  let found = false;
  for (const sheet of sheets) {
    const located = locateColumns(sheet.rows, COLUMNS, ['unit']);
    if (!located) continue;
    found = true;
    const { headerRow, columns } = located;
    const cell = (row: string[], key: keyof typeof COLUMNS) => (columns[key] >= 0 ? (row[columns[key]] ?? '').trim() : '');
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      const rowNumber = r + 1;
      if (row.every((c) => !c)) continue;
      const fail = (reason: string): never => {
        throw new RosterError(sheet.name, rowNumber, reason);
      };
      const unitName = cell(row, 'unit');
      if (!unitName) fail('单位 is empty');
      if (unitName.length > 100) fail('单位 is longer than 100 characters');
      const parent = cell(row, 'parent');
      const headcountText = cell(row, 'headcount');
      let headcount: number | undefined;
      if (headcountText) {
        if (!/^\d+$/.test(headcountText)) fail(`人数 "${headcountText}" is not a whole number`);
        headcount = Number(headcountText);
      }
      const aliases = cell(row, 'aliases')
        .split(/[,，、;；|]/)
        .map((a) => a.trim())
        .filter(Boolean);
      const previous = units.get(unitName);
      if (previous) {
        if (headcount !== undefined && previous.headcount !== undefined && previous.headcount !== headcount) {
          fail(`人数 ${headcount} for ${unitName} differs from ${previous.headcount} on row ${previous.row}`);
        }
        if (parent && previous.parent && previous.parent !== parent) {
          fail(`上级单位 ${parent} for ${unitName} differs from ${previous.parent} on row ${previous.row}`);
        }
        previous.headcount ??= headcount;
        previous.parent ||= parent || undefined;
        previous.aliases = [...new Set([...(previous.aliases ?? []), ...aliases])];
      } else {
        units.set(unitName, { name: unitName, parent: parent || undefined, headcount, aliases, row: rowNumber });
      }
      const name = cell(row, 'name');
      if (name) {
        if (name.length > 50) fail('姓名 is longer than 50 characters');
        members.push({ name, unit: unitName, wechatId: cell(row, 'wechatId') || undefined, row: rowNumber });
      }
    }
  }
  if (!found) throw new RosterError(sheets[0]?.name ?? 'csv', 1, 'no header row with a 单位 column (expected 单位, 上级单位, 人数, 姓名)');
  // Parents named only as 上级单位 become units of their own.
  for (const unit of [...units.values()]) {
    if (unit.parent && !units.has(unit.parent)) units.set(unit.parent, { name: unit.parent, row: unit.row, aliases: [] });
  }
  // A roster without aliases for a unit leaves the aliases it already has alone.
  const planned = [...units.values()].map(({ row: _row, aliases, ...u }) => ({ ...u, aliases: aliases?.length ? aliases : undefined }));
  return { units: planned, members };
}
