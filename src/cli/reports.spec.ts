import { formatFor, isReportName, reportPath } from './reports';

describe('CLI report exports', () => {
  it('takes the format asked for, else the file extension, else Excel', () => {
    expect(formatFor('统计.csv')).toBe('csv');
    expect(formatFor('统计.XLSX')).toBe('xlsx');
    expect(formatFor('统计')).toBe('xlsx');
    expect(formatFor('统计.xlsx', 'csv')).toBe('csv');
    expect(formatFor('统计.xlsx', 'pdf')).toBeUndefined();
  });

  it('builds each report path with only the filters that report takes', () => {
    expect(reportPath('units', 'xlsx', { round: 3, unit: '九三学社' })).toBe('/api/stats/rounds/3/units?format=xlsx');
    expect(reportPath('attempts', 'csv', { round: 3 })).toBe('/api/rounds/3/attempts?format=csv');
    expect(new URLSearchParams(reportPath('missing', 'csv', { round: 3, unit: '九三学社' }).split('?')[1]).get('unit')).toBe('九三学社');
    const daily = new URLSearchParams(reportPath('daily', 'xlsx', { from: '2026-12-01', to: '2026-12-07', round: 2 }).split('?')[1]);
    expect(Object.fromEntries(daily)).toEqual({ format: 'xlsx', from: '2026-12-01', to: '2026-12-07', round: '2' });
  });

  it('knows its reports and nothing inherited', () => {
    expect(isReportName('scores')).toBe(true);
    expect(isReportName('toString')).toBe(false);
    expect(isReportName('top')).toBe(false);
  });
});
