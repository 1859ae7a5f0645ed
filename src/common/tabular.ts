import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { assertWorkbookWithinLimits } from './workbook-limits';

/** One sheet of an uploaded table: header-less rows of trimmed cell text. */
export interface Sheet {
  name: string;
  rows: string[][];
}

export class TableFormatError extends Error {}

/** Where a row is, as organisers read it: 第3行 (CSV), 工作表「名单」第3行, or 第3条 (the entry of a YAML or JSON file). */
export function rowPlace(place: { sheet?: string; row: number }): string {
  if (place.sheet === 'yaml' || place.sheet === 'json') return `第${place.row}条`;
  return place.sheet && place.sheet !== 'csv' ? `工作表「${place.sheet}」第${place.row}行` : `第${place.row}行`;
}

/** A bad row of an uploaded file: where it is and why, e.g. 工作表「单选题」第5行：「题干」为空。 */
export class SheetRowError extends Error {
  constructor(
    readonly sheet: string,
    /** 1-based, as the spreadsheet numbers its rows (the entry number for YAML and JSON). */
    readonly row: number,
    readonly reason: string,
  ) {
    super(`${rowPlace({ sheet, row })}：${reason}`);
  }
}

export type TableFormat = 'csv' | 'xlsx';

export function tableFormatOf(filename: string | undefined, mimetype?: string): TableFormat | undefined {
  const name = (filename ?? '').toLowerCase();
  if (name.endsWith('.xlsx') || mimetype?.includes('spreadsheetml')) return 'xlsx';
  if (name.endsWith('.csv') || mimetype === 'text/csv') return 'csv';
  return undefined;
}

/** Reads CSV (UTF-8 with or without BOM, or GBK as Chinese Excel writes it) or an .xlsx workbook. */
export async function readTable(buffer: Buffer, format: TableFormat): Promise<Sheet[]> {
  if (format === 'csv') return [{ name: 'csv', rows: readCsv(buffer) }];
  return readWorkbook(buffer);
}

export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function readCsv(buffer: Buffer): string[][] {
  try {
    const rows: string[][] = parse(decodeText(buffer), {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    });
    return rows.map((r) => r.map((c) => String(c ?? '').trim()));
  } catch (err) {
    throw new TableFormatError(`CSV 文件无法读取：${(err as Error).message}`);
  }
}

async function readWorkbook(buffer: Buffer): Promise<Sheet[]> {
  await assertWorkbookWithinLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as any);
  } catch (err) {
    throw new TableFormatError(`Excel 文件无法读取（应为 .xlsx 文件）：${(err as Error).message}`);
  }
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return value.result === undefined ? '' : String(value.result).trim();
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/**
 * Finds columns by their usual header names. Returns the header row index and, per wanted key,
 * the column index (or -1). The header is the first row naming at least one required column.
 */
export function locateColumns<K extends string>(
  rows: string[][],
  names: Record<K, string[]>,
  required: NoInfer<K>[],
): { headerRow: number; columns: Record<K, number> } | undefined {
  const normalise = (s: string) => s.replace(/[\s*＊:：()（）]/g, '').toLowerCase();
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const header = rows[r].map(normalise);
    const columns = {} as Record<K, number>;
    for (const key of Object.keys(names) as K[]) {
      columns[key] = header.findIndex((h) => names[key].some((n) => normalise(n) === h));
    }
    if (required.every((k) => columns[k] >= 0)) return { headerRow: r, columns };
  }
  return undefined;
}

export async function writeWorkbook(sheets: Array<{ name: string; header: string[]; rows: Array<Array<string | number>> }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((col) => {
      col.width = 18;
      col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
