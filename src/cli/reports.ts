/** The reports the CLI exports, each from its endpoint of the statistics API. */
export const REPORTS = {
  units: { label: '单位参与统计（含下级汇总）', needsRound: true, path: (round?: number) => `/api/stats/rounds/${round}/units` },
  questions: { label: '题目分析', needsRound: true, path: (round?: number) => `/api/stats/rounds/${round}/questions` },
  scores: { label: '成绩分布', needsRound: true, path: (round?: number) => `/api/stats/rounds/${round}/scores` },
  daily: { label: '每日参与', needsRound: false, path: () => '/api/stats/daily' },
  missing: { label: '未参与名单', needsRound: true, path: (round?: number) => `/api/stats/rounds/${round}/missing` },
  attempts: { label: '答题记录（每人次）', needsRound: true, path: (round?: number) => `/api/rounds/${round}/attempts` },
} as const;

export type ReportName = keyof typeof REPORTS;

export const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORTS, name);

export type TableFormat = 'csv' | 'xlsx';

/** The format asked for, else the one the file name ends with, else Excel. */
export function formatFor(out: string, asked?: string): TableFormat | undefined {
  const wanted = (asked ?? /\.(csv|xlsx)$/i.exec(out)?.[1] ?? 'xlsx').toLowerCase();
  return wanted === 'csv' || wanted === 'xlsx' ? wanted : undefined;
}

export interface ExportQuery {
  round?: number;
  unit?: string;
  from?: string;
  to?: string;
}

/** The request path of a report download, with its filters. */
export function reportPath(name: ReportName, format: TableFormat, query: ExportQuery): string {
  const params = new URLSearchParams({ format });
  if (query.unit && (name === 'missing' || name === 'daily')) params.set('unit', query.unit);
  if (name === 'daily') {
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
    if (query.round !== undefined) params.set('round', String(query.round));
  }
  return `${REPORTS[name].path(query.round)}?${params}`;
}
