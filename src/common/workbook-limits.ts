import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/** The most an uploaded .xlsx may hold once unpacked; a real roster, bank or knowledge table is a few MB. */
export const MAX_WORKBOOK_UNPACKED_BYTES = 50 * 1024 * 1024;
/** The used range a worksheet may have: cells beyond it would make every reader allocate the empty rows and columns in between. */
export const MAX_SHEET_ROWS = 100_000;
export const MAX_SHEET_COLUMNS = 200;

/** An uploaded workbook refused before it is parsed; the message says why, in Chinese. */
export class WorkbookLimitError extends Error {}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const CELL_REFERENCE = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * Follows the row and column of every `<dimension>`, `<row>` and `<c>` of one worksheet's XML
 * (rows and cells may leave out their position, which then follows the previous one).
 */
class UsedRangeCheck {
  private readonly parser = new SaxesParser();
  private row = 0;
  private column = 0;

  constructor(private readonly sheetFile: string) {
    this.parser.on('opentag', (tag) => {
      const name = tag.name.slice(tag.name.indexOf(':') + 1);
      const reference = String(tag.attributes.r ?? '');
      if (name === 'dimension') {
        const last = String(tag.attributes.ref ?? '').split(':').pop() ?? '';
        const cell = CELL_REFERENCE.exec(last);
        if (cell) this.check(Number(cell[2]), columnNumber(cell[1]), last);
      } else if (name === 'row') {
        this.row = Number(reference) || this.row + 1;
        this.column = 0;
        this.check(this.row, 0, `第 ${this.row} 行`);
      } else if (name === 'c') {
        const cell = CELL_REFERENCE.exec(reference);
        this.column = cell ? columnNumber(cell[1]) : this.column + 1;
        this.check(cell ? Number(cell[2]) : this.row, this.column, reference || `第 ${this.row} 行第 ${this.column} 列`);
      }
    });
  }

  write(text: string): void {
    this.parser.write(text);
  }

  close(): void {
    this.parser.close();
  }

  private check(row: number, column: number, where: string): void {
    if (row <= MAX_SHEET_ROWS && column <= MAX_SHEET_COLUMNS) return;
    const sheet = this.sheetFile.replace(/^.*\//, '').replace(/\.xml$/i, '');
    throw new WorkbookLimitError(
      `工作表 ${sheet} 的使用范围到了 ${where}，超出上限（最多 ${MAX_SHEET_ROWS} 行、${MAX_SHEET_COLUMNS} 列）。请删除表格以外的内容（包括格式）后再上传。`,
    );
  }
}

/**
 * Refuses a workbook before it is parsed when it unpacks to more than MAX_WORKBOOK_UNPACKED_BYTES
 * (a zip bomb) or a worksheet uses more than MAX_SHEET_ROWS rows or MAX_SHEET_COLUMNS columns.
 * The bytes are counted while inflating, since the sizes a zip declares can be forged.
 */
export async function assertWorkbookWithinLimits(buffer: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (err) {
    throw new WorkbookLimitError(`Excel 文件无法读取（应为 .xlsx）：${(err as Error).message}`);
  }
  const unpacked = { bytes: 0 };
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const range = WORKSHEET.test(entry.name) ? new UsedRangeCheck(entry.name) : undefined;
    try {
      await inflate(entry, unpacked, range);
    } catch (err) {
      if (err instanceof WorkbookLimitError) throw err;
      throw new WorkbookLimitError(`Excel 文件无法读取（应为 .xlsx），${entry.name} 已损坏：${(err as Error).message}`);
    }
  }
}

/** Inflates one entry chunk by chunk, adding to `unpacked` and stopping as soon as the total passes the limit. */
function inflate(entry: JSZip.JSZipObject, unpacked: { bytes: number }, range?: UsedRangeCheck): Promise<void> {
  const decoder = new TextDecoder();
  const stream = entry.nodeStream();
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      stream.pause();
      stream.removeAllListeners('data');
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      try {
        unpacked.bytes += chunk.length;
        if (unpacked.bytes > MAX_WORKBOOK_UNPACKED_BYTES) {
          throw new WorkbookLimitError(
            `Excel 文件解压后超过 ${MAX_WORKBOOK_UNPACKED_BYTES / 1024 / 1024} MB（可能是压缩炸弹），已拒绝。请只保留需要导入的表格后再上传。`,
          );
        }
        range?.write(decoder.decode(chunk, { stream: true }));
      } catch (err) {
        fail(err);
      }
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (failed) return;
      try {
        range?.write(decoder.decode());
        range?.close();
        resolve();
      } catch (err) {
        fail(err);
      }
    });
  });
}
