import { locateColumns, type Sheet } from '../common/tabular';
import type { UnitInput } from './unit-plan';

/** A roster as organisers keep it: one row per member or per unit, with Chinese headers. */
export interface Roster {
  units: Array<UnitInput & { row: number }>;
  members: Array<{ name: string; unit: string; wechatId?: string; row: number }>;
}

/** One data row as read, for a preview before importing. */
export interface RosterRow {
  sheet: string;
  row: number;
  unit: string;
  name: string;
  parent: string | null;
  headcount: number | null;
  aliases: string[];
  wechatId: string | null;
}

/** A row that cannot be imported: the sheet, its row number as the spreadsheet shows it, and why. */
export interface RowProblem {
  /** absent when the problem is with the tree as a whole rather than one sheet */
  sheet?: string;
  row: number;
  reason: string;
}

export interface RosterReading {
  roster: Roster;
  rows: RosterRow[];
  errors: RowProblem[];
}

const COLUMNS = {
  unit: ['单位', '单位名称', '所在单位', '單位'],
  parent: ['上级单位', '上級單位', '上级'],
  headcount: ['人数', '人數', '应参与人数', '职工人数'],
  name: ['姓名', '名字', '成员', '成员姓名'],
  aliases: ['别名', '简称', '單位簡稱', '单位简称'],
  wechatId: ['微信号', '微信ID', '微信id', 'wxid'],
};

/** Reads every row, collecting every bad one (a bad row adds nothing); the roster holds the good rows. */
export function readRoster(sheets: Sheet[]): RosterReading {
  const units = new Map<string, UnitInput & { row: number }>();
  const members: Roster['members'] = [];
  const rows: RosterRow[] = [];
  const errors: RowProblem[] = [];
  let found = false;
  for (const sheet of sheets) {
    const located = locateColumns(sheet.rows, COLUMNS, ['unit']);
    if (!located) continue;
    found = true;
    const { headerRow, columns } = located;
    const cell = (row: string[], key: keyof typeof COLUMNS) => (columns[key] >= 0 ? (row[columns[key]] ?? '').trim() : '');
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (row.every((c) => !c)) continue;
      const read = readRow(cell.bind(null, row), r + 1, units);
      if (typeof read === 'string') {
        errors.push({ sheet: sheet.name, row: r + 1, reason: read });
        continue;
      }
      rows.push({ sheet: sheet.name, ...read });
      const previous = units.get(read.unit);
      if (previous) {
        previous.headcount ??= read.headcount ?? undefined;
        previous.parent ||= read.parent || undefined;
        previous.aliases = [...new Set([...(previous.aliases ?? []), ...read.aliases])];
      } else {
        units.set(read.unit, { name: read.unit, parent: read.parent || undefined, headcount: read.headcount ?? undefined, aliases: read.aliases, row: r + 1 });
      }
      if (read.name) members.push({ name: read.name, unit: read.unit, wechatId: read.wechatId || undefined, row: r + 1 });
    }
  }
  if (!found) {
    errors.push({ sheet: sheets[0]?.name ?? 'csv', row: 1, reason: '没有找到含「单位」列的表头行（应有：单位、上级单位、人数、姓名）。' });
  }
  // Parents named only as 上级单位 become units of their own.
  for (const unit of [...units.values()]) {
    if (unit.parent && !units.has(unit.parent)) units.set(unit.parent, { name: unit.parent, row: unit.row, aliases: [] });
  }
  // A roster without aliases for a unit leaves the aliases it already has alone.
  const planned = [...units.values()].map(({ aliases, ...u }) => ({ ...u, aliases: aliases?.length ? aliases : undefined }));
  return { roster: { units: planned, members }, rows, errors };
}

/** One row, or the reason it is bad; a row that contradicts an earlier row of its unit is bad. */
function readRow(
  cell: (key: keyof typeof COLUMNS) => string,
  row: number,
  units: Map<string, UnitInput & { row: number }>,
): Omit<RosterRow, 'sheet'> | string {
  const unit = cell('unit');
  if (!unit) return '「单位」为空。';
  if (unit.length > 100) return '「单位」超过100个字符。';
  const parent = cell('parent');
  if (parent.length > 100) return '「上级单位」超过100个字符。';
  if (parent === unit) return `单位「${unit}」不能是自己的上级单位。`;
  const headcountText = cell('headcount');
  if (headcountText && !/^\d+$/.test(headcountText)) return `「人数」「${headcountText}」不是整数。`;
  const headcount = headcountText ? Number(headcountText) : null;
  const aliases = cell('aliases')
    .split(/[,，、;；|]/)
    .map((a) => a.trim())
    .filter(Boolean);
  const name = cell('name');
  if (name.length > 50) return '「姓名」超过50个字符。';
  const previous = units.get(unit);
  if (previous) {
    if (headcount !== null && previous.headcount !== undefined && previous.headcount !== headcount) {
      return `单位「${unit}」的人数${headcount}与第${previous.row}行的${previous.headcount}不一致。`;
    }
    if (parent && previous.parent && previous.parent !== parent) {
      return `单位「${unit}」的上级单位「${parent}」与第${previous.row}行的「${previous.parent}」不一致。`;
    }
  }
  return { row, unit, name, parent: parent || null, headcount, aliases, wechatId: cell('wechatId') || null };
}
