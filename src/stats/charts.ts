import echarts = require('echarts');
import { renderAsync } from '@resvg/resvg-js';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Charts rendered on the server: ECharts to SVG, then resvg to PNG with the Chinese font from the
 * node-source-han-sans-sc package (no system font needed; system fonts are a fallback).
 */
const FONT_FAMILY = 'Source Han Sans SC';
const FONT_FILE = 'SourceHanSansSC-Regular.otf';

let fontFiles: string[] | undefined;
function fonts(): string[] {
  if (!fontFiles) {
    try {
      fontFiles = [path.join(path.dirname(require.resolve('node-source-han-sans-sc/package.json')), FONT_FILE)].filter((f) => fs.existsSync(f));
    } catch {
      fontFiles = [];
    }
  }
  return fontFiles;
}

/**
 * The SVG is made on the event loop (milliseconds); the PNG is rasterised on libuv's thread pool:
 * shaping text with a full CJK font costs tens of milliseconds a label, which must not hold up
 * the bot's replies.
 */
export async function renderPng(option: echarts.EChartsCoreOption, width: number, height: number): Promise<Buffer> {
  const chart = echarts.init(null as unknown as HTMLElement, null, { renderer: 'svg', ssr: true, width, height });
  let svg: string;
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: FONT_FAMILY }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  // One rasterisation at a time: a burst of chart requests queues instead of taking every core.
  const turn = queue.then(() => undefined);
  let done!: () => void;
  queue = new Promise<void>((resolve) => (done = resolve));
  await turn;
  try {
    return (await rasterise(svg)).asPng();
  } finally {
    done();
  }
}

let queue: Promise<void> = Promise.resolve();

function rasterise(svg: string) {
  return renderAsync(svg, {
    fitTo: { mode: 'original' },
    font: {
      fontFiles: fonts(),
      loadSystemFonts: fonts().length === 0,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
}

/** Long labels cut to `max` characters with an ellipsis (a CJK character counts one). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

/** Long unit names keep their start and their end (where sibling units differ): 中国国民党革…统战工作组. */
export function shortenMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return chars.slice(0, head).join('') + '…' + chars.slice(chars.length - (max - 1 - head)).join('');
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const TITLE = { left: 'center', top: 12, textStyle: { fontSize: 20, fontWeight: 'bold' as const }, subtextStyle: { fontSize: 13, color: '#666' } };

export interface UnitBar {
  unit: string;
  headcount: number;
  participants: number;
  participationRate: number | null;
}

/** Participation rate by unit, highest first, one bar a unit with participants and headcount beside it. */
export function unitParticipationChart(title: string, subtitle: string, units: UnitBar[]): Promise<Buffer> {
  const rows = [...units].sort((a, b) => (b.participationRate ?? -1) - (a.participationRate ?? -1) || a.unit.localeCompare(b.unit, 'zh'));
  const barHeight = 26;
  const height = 110 + Math.max(3, rows.length) * barHeight + 40;
  const max = Math.max(1, ...rows.map((r) => r.participationRate ?? 0));
  return renderPng(
    {
      title: { ...TITLE, text: title, subtext: subtitle },
      grid: { left: 230, right: 190, top: 90, bottom: 40 },
      xAxis: {
        type: 'value',
        max: Math.ceil(max * 10) / 10,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%`, fontSize: 12 },
        name: '参与率',
        nameLocation: 'end',
        nameTextStyle: { fontSize: 12 },
        splitLine: { lineStyle: { color: '#eee' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => shortenMiddle(r.unit, 14)),
        axisLabel: { fontSize: 13, width: 215, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: rows.map((r) => ({ value: r.participationRate ?? 0, itemStyle: { color: (r.participationRate ?? 0) >= 0.5 ? '#2f5597' : '#d9822b' } })),
          label: {
            show: true,
            position: 'right',
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => {
              const r = rows[p.dataIndex];
              return `${percent(r.participationRate)}（${r.participants}/${r.headcount} 人）`;
            },
          },
        },
      ],
    },
    960,
    height,
  );
}

export interface QuestionBar {
  position: number;
  stem: string;
  correctRate: number | null;
  answered: number;
}

/** Correct rate per question in bank order, the stem shortened beside each bar. */
export function correctRateChart(title: string, subtitle: string, questions: QuestionBar[]): Promise<Buffer> {
  const height = 110 + Math.max(3, questions.length) * 30 + 40;
  return renderPng(
    {
      title: { ...TITLE, text: title, subtext: subtitle },
      grid: { left: 330, right: 150, top: 90, bottom: 40 },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, name: '正确率', splitLine: { lineStyle: { color: '#eee' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: questions.map((q, i) => `${i + 1}. ${truncate(q.stem.replace(/\s+/g, ''), 18)}`),
        axisLabel: { fontSize: 13, width: 315, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 20,
          data: questions.map((q) => ({ value: q.correctRate ?? 0, itemStyle: { color: (q.correctRate ?? 0) < 0.5 ? '#c0504d' : '#4f81bd' } })),
          label: {
            show: true,
            position: 'right',
            fontSize: 12,
            formatter: (p: { dataIndex: number }) => `${percent(questions[p.dataIndex].correctRate)}（${questions[p.dataIndex].answered} 人）`,
          },
        },
      ],
    },
    1000,
    height,
  );
}

/** Histogram of counted scores, one bar a bucket, the count on top. */
export function scoreHistogram(title: string, subtitle: string, buckets: Array<{ from: number; to: number; count: number }>): Promise<Buffer> {
  return renderPng(
    {
      title: { ...TITLE, text: title, subtext: subtitle },
      grid: { left: 80, right: 40, top: 100, bottom: 70 },
      xAxis: {
        type: 'category',
        data: buckets.map((b) => (b.from === b.to ? `${b.from}` : `${b.from}–${b.to}`)),
        name: '得分',
        nameLocation: 'middle',
        nameGap: 40,
        axisLabel: { fontSize: 12, interval: 0, rotate: buckets.length > 14 ? 40 : 0 },
      },
      yAxis: { type: 'value', name: '人数', minInterval: 1, splitLine: { lineStyle: { color: '#eee' } } },
      series: [{ type: 'bar', barCategoryGap: '8%', data: buckets.map((b) => b.count), itemStyle: { color: '#4f81bd' }, label: { show: true, position: 'top', fontSize: 12 } }],
    },
    Math.max(800, 90 + buckets.length * 60),
    520,
  );
}

export interface DayPoint {
  day: string;
  participants: number;
  attempts: number;
  answers: number;
  newMembers: number;
}

/** Participants, attempts and new members per day (left axis) and answers (right axis). */
export function dailyChart(title: string, subtitle: string, days: DayPoint[]): Promise<Buffer> {
  const rotate = days.length > 20 ? 45 : 0;
  return renderPng(
    {
      title: { ...TITLE, text: title, subtext: subtitle },
      legend: { top: 66, data: ['参与人数', '人次', '新绑定成员', '答题数'], textStyle: { fontSize: 13 } },
      grid: { left: 80, right: 90, top: 110, bottom: rotate ? 90 : 60 },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { fontSize: 12, rotate, interval: days.length > 40 ? 'auto' : 0 }, name: '日期', nameLocation: 'middle', nameGap: rotate ? 60 : 35 },
      yAxis: [
        { type: 'value', name: '人数 / 人次', minInterval: 1, splitLine: { lineStyle: { color: '#eee' } } },
        { type: 'value', name: '答题数', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { name: '参与人数', type: 'line', data: days.map((d) => d.participants), symbolSize: 6 },
        { name: '人次', type: 'line', data: days.map((d) => d.attempts), symbolSize: 6 },
        { name: '新绑定成员', type: 'line', data: days.map((d) => d.newMembers), symbolSize: 6 },
        { name: '答题数', type: 'line', yAxisIndex: 1, data: days.map((d) => d.answers), lineStyle: { type: 'dashed' }, symbolSize: 6 },
      ],
    },
    Math.max(900, 120 + days.length * 28),
    520,
  );
}
