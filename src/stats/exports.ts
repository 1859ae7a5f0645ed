import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';

/** How a column is written: text; whole or decimal numbers; a rate in [0, 1] shown as a percentage; a time in TIMEZONE. */
export type ColumnKind = 'text' | 'int' | 'number' | 'rate' | 'time';
export type Cell = string | number | Date | null | undefined;

export interface Column<R> {
  header: string;
  kind: ColumnKind;
  width?: number;
  value(row: R): Cell;
}

/** A report as a table: its rows may be an async stream (pages read from the database). */
export interface Table<R> {
  /** the download's name without extension, in Chinese */
  fileName: string;
  sheetName: string;
  columns: Column<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
  /** the totals row, asked for after the last row was written (Excel only) */
  totals?: () => Cell[];
  timeZone: string;
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback name and the Chinese name as RFC 5987 filename*. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRFC5987(fileName)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A file name without characters file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 80);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-12-01 09:00:00+08:00": the time in the zone, with its offset. */
export function formatZoned(date: Date | null | undefined, timeZone: string): string {
  if (!date) return '';
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName.replace('GMT', '');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${offset}`;
}

function csvCell(column: Column<unknown>, value: Cell, timeZone: string): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = formatZoned(value, timeZone);
  else if (column.kind === 'rate' && typeof value === 'number') text = `${(value * 100).toFixed(2)}%`;
  else text = String(value);
  // A text cell that a spreadsheet would run as a formula is kept as text.
  if (column.kind === 'text' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a table as CSV (UTF-8 with BOM, Chinese header) row by row, respecting back-pressure. */
export async function writeCsv<R>(table: Table<R>, out: Writable): Promise<void> {
  let buffer = '\uFEFF' + table.columns.map((c) => csvCell(c as Column<unknown>, c.header, table.timeZone)).join(',') + '\r\n';
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for await (const row of table.rows as AsyncIterable<R>) {
    buffer += table.columns.map((c) => csvCell(c as Column<unknown>, c.value(row), table.timeZone)).join(',') + '\r\n';
    if (buffer.length > 64 * 1024) await flush();
  }
  if (buffer) await flush();
  out.end();
}

/** Number formats only where General would not do: a style on every cell costs exceljs time per cell. */
const NUM_FMT: Record<ColumnKind, string | undefined> = { text: undefined, int: undefined, number: '0.00', rate: '0.0%', time: undefined };

/**
 * Writes a table as .xlsx with exceljs' streaming writer: a styled header, the first row frozen,
 * column widths, numbers as numbers, rates as percentages and a totals row; rows are committed as
 * they come, so memory stays flat however many there are.
 */
export async function writeXlsx<R>(table: Table<R>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as any);
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width ?? (c.kind === 'time' ? 27 : c.kind === 'text' ? 18 : 12),
    ...(NUM_FMT[c.kind] ? { style: { numFmt: NUM_FMT[c.kind] } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  const cellOf = (c: Column<R>, v: Cell): ExcelJS.CellValue => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return formatZoned(v, table.timeZone);
    return v;
  };
  for await (const row of table.rows as AsyncIterable<R>) {
    sheet.addRow(table.columns.map((c) => cellOf(c, c.value(row)))).commit();
  }
  if (table.totals) {
    const totals = sheet.addRow(table.totals().map((v, i) => cellOf(table.columns[i], v)));
    totals.font = { bold: true };
    totals.border = { top: { style: 'thin' } };
    totals.commit();
  }
  sheet.commit();
  await workbook.commit();
}

/** A readable stream of the table in the format, written in the background; an error ends it. */
export function tableStream<R>(table: Table<R>, format: 'csv' | 'xlsx'): PassThrough {
  const out = new PassThrough();
  (format === 'csv' ? writeCsv(table, out) : writeXlsx(table, out)).catch((err: Error) => out.destroy(err));
  return out;
}
