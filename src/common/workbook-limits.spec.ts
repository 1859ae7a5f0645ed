import ExcelJS from 'exceljs';
import { withFarCell, zipBomb } from '../../test/support/hostile-files';
import { readTable } from './tabular';
import { assertWorkbookWithinLimits, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, WorkbookLimitError } from './workbook-limits';

async function smallWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['单位', '人数']);
  sheet.addRow(['市委统战部', 12]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('assertWorkbookWithinLimits', () => {
  it('lets an ordinary workbook through, also with a cell at the last allowed row and column', async () => {
    await expect(assertWorkbookWithinLimits(await smallWorkbook())).resolves.toBeUndefined();
    const lastColumn = 'GR'; // column 200
    await expect(assertWorkbookWithinLimits(await withFarCell(await smallWorkbook(), `${lastColumn}${MAX_SHEET_ROWS}`))).resolves.toBeUndefined();
  });

  it('refuses a zip bomb, saying it unpacks to more than 50 MB', async () => {
    const bomb = await zipBomb(await smallWorkbook());
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readTable(bomb, 'xlsx')).rejects.toThrow(new WorkbookLimitError('Excel 文件解压后超过 50 MB（可能是压缩炸弹），已拒绝。请只保留需要导入的表格后再上传。'));
  });

  it.each([
    ['XFD1048576', '第 1048576 行'],
    [`A${MAX_SHEET_ROWS + 1}`, `第 ${MAX_SHEET_ROWS + 1} 行`],
    [`GS1`, 'GS1'],
  ])('refuses a sheet with a cell at %s, naming where it reaches', async (reference, named) => {
    const far = await withFarCell(await smallWorkbook(), reference);
    await expect(readTable(far, 'xlsx')).rejects.toThrow(WorkbookLimitError);
    await expect(readTable(far, 'xlsx')).rejects.toThrow(`使用范围到了 ${named}，超出上限（最多 ${MAX_SHEET_ROWS} 行、${MAX_SHEET_COLUMNS} 列）`);
  });

  it('refuses a declared used range beyond the limits and rows or cells without positions that run past them', async () => {
    const declared = await withFarCell(await smallWorkbook(), 'A3');
    const { default: JSZip } = await import('jszip');
    const edit = async (rewrite: (xml: string) => string) => {
      const zip = await JSZip.loadAsync(declared);
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', rewrite(xml));
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const wideDimension = await edit((xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
    await expect(assertWorkbookWithinLimits(wideDimension)).rejects.toThrow('使用范围到了 XFD1048576');
    const unnumberedCells = await edit((xml) => xml.replace('</sheetData>', `<row>${'<c><v>1</v></c>'.repeat(MAX_SHEET_COLUMNS + 1)}</row></sheetData>`));
    await expect(assertWorkbookWithinLimits(unnumberedCells)).rejects.toThrow(`第 4 行第 ${MAX_SHEET_COLUMNS + 1} 列`);
  });

  it('refuses what is not a zip file', async () => {
    await expect(assertWorkbookWithinLimits(Buffer.from('单位,人数\n'))).rejects.toThrow(/^Excel 文件无法读取/);
  });
});
