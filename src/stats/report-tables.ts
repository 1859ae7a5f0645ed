import type { Cell, Column, Table } from './exports';
import type { QuestionStat } from './question-report';
import type { DayRow, AttemptRow, MissingRow, ScoreReport } from './stats.service';
import { unitTotals, type UnitRow } from './unit-report';

/** The reports as tables for CSV and Excel: Chinese headers, kinds, widths and totals. */

const CHANNELS: Record<string, string> = { chat: '私聊', sheet: '答题卡', web: '网页' };
const RULES: Record<string, string> = { best: '最高分', last: '最后一次' };
const TYPES: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' };

export const ruleName = (rule: string) => RULES[rule] ?? rule;

function col<R>(header: string, kind: Column<R>['kind'], value: (row: R) => Cell, width?: number): Column<R> {
  return { header, kind, value, width };
}

export function unitsTable(title: string, rows: UnitRow[], timeZone: string): Table<UnitRow> {
  const columns: Column<UnitRow>[] = [
    col('单位', 'text', (r) => r.unit, 30),
    col('上级单位', 'text', (r) => r.parent, 24),
    col('应参与人数', 'int', (r) => r.headcount),
    col('参与人数', 'int', (r) => r.participants),
    col('参与人次', 'int', (r) => r.attempts),
    col('参与率', 'rate', (r) => r.participationRate),
    col('平均分', 'number', (r) => r.meanScore),
    col('满分人数', 'int', (r) => r.fullMarks),
    col('含下级·应参与人数', 'int', (r) => r.subtree.headcount, 18),
    col('含下级·参与人数', 'int', (r) => r.subtree.participants, 16),
    col('含下级·参与人次', 'int', (r) => r.subtree.attempts, 16),
    col('含下级·参与率', 'rate', (r) => r.subtree.participationRate, 15),
    col('含下级·平均分', 'number', (r) => r.subtree.meanScore, 15),
  ];
  return {
    fileName: `${title}-单位参与`,
    sheetName: '单位参与',
    columns,
    rows,
    timeZone,
    totals: () => {
      const t = unitTotals(rows);
      return ['合计', null, t.headcount, t.participants, t.attempts, t.participationRate, null, t.fullMarks, null, null, null, null, null];
    },
  };
}

interface QuestionLine extends QuestionStat {
  index: number;
}

export function questionsTable(title: string, questions: QuestionStat[], timeZone: string): Table<QuestionLine> {
  const maxOptions = Math.max(0, ...questions.map((q) => q.options.length));
  const optionColumns: Column<QuestionLine>[] = Array.from({ length: maxOptions }, (_, i) =>
    col(`选${String.fromCharCode(65 + i)}人数`, 'int', (q: QuestionLine) => (q.options[i] ? q.options[i].picked : null), 9),
  );
  const rows = questions.map((q, index) => ({ ...q, index: index + 1 }));
  return {
    fileName: `${title}-题目分析`,
    sheetName: '题目分析',
    columns: [
      col('序号', 'int', (q) => q.index, 6),
      col('题目编号', 'int', (q) => q.questionId, 9),
      col('题型', 'text', (q) => TYPES[q.type] ?? q.type, 7),
      col('题干', 'text', (q) => q.stem, 50),
      col('答题人数', 'int', (q) => q.answered),
      col('超时人数', 'int', (q) => q.timedOut),
      col('答对人数', 'int', (q) => q.correct),
      col('正确率', 'rate', (q) => q.correctRate),
      col('区分度', 'number', (q) => q.discrimination),
      col('正确答案', 'text', (q) => q.options.filter((o) => o.correct).map((o) => o.label).join('') || null, 9),
      col('最多人选的错误选项', 'text', (q) => (q.mostChosenWrong ? `${q.mostChosenWrong.label ? `${q.mostChosenWrong.label}. ` : ''}${q.mostChosenWrong.text}（${q.mostChosenWrong.picked}人）` : null), 28),
      ...optionColumns,
    ],
    rows,
    timeZone,
    totals: () => {
      const answered = questions.reduce((s, q) => s + q.answered, 0);
      const correct = questions.reduce((s, q) => s + q.correct, 0);
      return ['合计', null, null, `${questions.length} 题`, answered, questions.reduce((s, q) => s + q.timedOut, 0), correct, answered ? correct / answered : null];
    },
  };
}

export function scoresTable(title: string, report: ScoreReport, timeZone: string): Table<ScoreReport['buckets'][number]> {
  return {
    fileName: `${title}-得分分布`,
    sheetName: '得分分布',
    columns: [col('最低分', 'int', (b) => b.from), col('最高分', 'int', (b) => b.to), col('人数', 'int', (b) => b.count), col('占比', 'rate', (b) => (report.participants ? b.count / report.participants : null))],
    rows: report.buckets,
    timeZone,
    totals: () => ['合计', `平均 ${report.mean ?? '—'}，中位数 ${report.median ?? '—'}`, report.participants, report.participants ? 1 : null],
  };
}

export function dailyTable(name: string, days: DayRow[], timeZone: string): Table<DayRow> {
  return {
    fileName: name,
    sheetName: '每日参与',
    columns: [
      col('日期', 'text', (d) => d.day, 12),
      col('参与人数', 'int', (d) => d.participants),
      col('参与人次', 'int', (d) => d.attempts),
      col('答题数', 'int', (d) => d.answers),
      col('新绑定成员', 'int', (d) => d.newMembers),
    ],
    rows: days,
    timeZone,
    // Participants are distinct per day only: their sum over days is person-days, labelled so.
    totals: () => ['合计（人·天）', ...(['participants', 'attempts', 'answers', 'newMembers'] as const).map((k) => days.reduce((s, d) => s + d[k], 0))],
  };
}

export function missingTable(title: string, rows: MissingRow[], timeZone: string): Table<MissingRow> {
  return {
    fileName: `${title}-未参与成员`,
    sheetName: '未参与成员',
    columns: [col('姓名', 'text', (r) => r.member, 14), col('微信号', 'text', (r) => r.wechatId, 22), col('单位', 'text', (r) => r.unit, 28), col('上级单位', 'text', (r) => r.parentUnit, 24), col('绑定时间', 'time', (r) => r.boundAt)],
    rows,
    timeZone,
    totals: () => ['合计', `${rows.length} 人`],
  };
}

/** Attempts streamed page by page; the totals are gathered on the way. */
export function attemptsTable(title: string, rule: string, pages: AsyncIterable<AttemptRow[]>, timeZone: string): Table<AttemptRow> {
  let count = 0;
  let finished = 0;
  let scoreSum = 0;
  const members = new Set<string>();
  async function* rows(): AsyncGenerator<AttemptRow> {
    for await (const page of pages) {
      for (const row of page) {
        count++;
        members.add(row.wechatId ?? `#${row.member}`);
        if (row.finished) {
          finished++;
          scoreSum += row.score;
        }
        yield row;
      }
    }
  }
  return {
    fileName: `${title}-答题记录`,
    sheetName: '答题记录',
    columns: [
      col('记录编号', 'int', (r) => r.id, 10),
      col('姓名', 'text', (r) => r.member, 14),
      col('微信号', 'text', (r) => r.wechatId, 22),
      col('单位', 'text', (r) => r.unit, 28),
      col('上级单位', 'text', (r) => r.parentUnit, 24),
      col('渠道', 'text', (r) => CHANNELS[r.channel] ?? r.channel, 8),
      col('已答题数', 'int', (r) => r.answered, 9),
      col('答对题数', 'int', (r) => r.correct, 9),
      col('得分', 'int', (r) => r.score, 8),
      col('满分', 'int', (r) => r.maxScore, 8),
      col('开始时间', 'time', (r) => r.startedAt),
      col('完成时间', 'time', (r) => r.finishedAt),
      col('是否完成', 'text', (r) => (r.finished ? '是' : '否'), 9),
    ],
    rows: rows(),
    timeZone,
    totals: () => [`合计 ${count} 人次`, `${members.size} 人`, null, null, null, `计分规则：${ruleName(rule)}`, null, null, finished ? Math.round((scoreSum / finished) * 100) / 100 : null, null, null, null, `完成 ${finished}`],
  };
}
