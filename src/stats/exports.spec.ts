import { PassThrough } from 'node:stream';
import { contentDisposition, formatZoned, writeCsv } from './exports';

describe('exports', () => {
  it('formats times in the zone with the offset', () => {
    expect(formatZoned(new Date('2026-12-01T01:02:03Z'), 'Asia/Shanghai')).toBe('2026-12-01 09:02:03+08:00');
    expect(formatZoned(new Date('2026-12-01T01:02:03Z'), 'UTC')).toBe('2026-12-01 01:02:03+00:00');
    expect(formatZoned(null, 'UTC')).toBe('');
  });

  it('names a download in Chinese with an ASCII fallback', () => {
    expect(contentDisposition('周测-单位参与.csv')).toBe(`attachment; filename="__-____.csv"; filename*=UTF-8''%E5%91%A8%E6%B5%8B-%E5%8D%95%E4%BD%8D%E5%8F%82%E4%B8%8E.csv`);
  });

  it('writes CSV with a BOM, quoting, rates as percentages and formulas defused', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeCsv(
      {
        fileName: 'x',
        sheetName: 'x',
        timeZone: 'Asia/Shanghai',
        columns: [
          { header: '单位', kind: 'text', value: (r: { u: string; r: number | null }) => r.u },
          { header: '参与率', kind: 'rate', value: (r: { u: string; r: number | null }) => r.r },
        ],
        rows: [{ u: '甲,乙', r: 0.5 }, { u: '=1+1', r: null }],
      },
      out,
    );
    expect(Buffer.concat(chunks).toString('utf8')).toBe('\uFEFF单位,参与率\r\n"甲,乙",50.00%\r\n\'=1+1,\r\n');
  });
});
