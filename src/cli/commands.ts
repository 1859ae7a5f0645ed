import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readYaml, YamlFormatError } from '../common/yaml';
import { ApiClient, CliError, EXIT } from './api-client';
import { formatFor, isReportName, REPORTS, reportPath, type ExportQuery } from './reports';

export interface Output {
  json: boolean;
  /** A line for people (ignored with --json). */
  say(line: string): void;
  /** The machine-readable result (printed only with --json). */
  data(value: unknown): void;
}

interface BankSummary {
  slug: string;
  title: string;
  origin: string;
  questionCount: number;
  types: Record<string, number>;
}

interface RoundView {
  id: number;
  bank: string;
  title: string;
  status: string;
  questionCount: number;
  audience: { units: string[]; rooms: string[] };
  local: { startsAt: string; endsAt: string };
}

interface RoundAnswer extends RoundView {
  warnings: string[];
  estimate: { messages: number; hoursAtConfiguredRate: number; windowHours: number; fits: boolean; answerSheet: { fits: boolean } };
}

const TYPE_NAMES: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' };
const STATUS_NAMES: Record<string, string> = { scheduled: '未开始', open: '进行中', closed: '已结束', cancelled: '已取消' };

async function readLocalFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(EXIT.usage, code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}：${code ?? (err as Error).message}`);
  }
}

function requireExtension(file: string, allowed: string[], what: string): void {
  const ext = path.extname(file).toLowerCase().slice(1);
  if (!allowed.includes(ext)) throw new CliError(EXIT.usage, `${what}须为 ${allowed.map((e) => `.${e}`).join('、')} 文件：${file}`);
}

export async function importRoster(api: ApiClient, out: Output, file: string): Promise<void> {
  requireExtension(file, ['csv', 'xlsx'], '名单');
  const data = await readLocalFile(file);
  const result = await api.upload<{ imported: { units: number; members: number } }>('/api/units/roster', { name: path.basename(file), data });
  out.data(result);
  out.say(`已导入名单：单位 ${result.imported.units} 个，成员 ${result.imported.members} 人。`);
}

export async function importBank(api: ApiClient, out: Output, file: string, options: { title?: string; slug?: string; replace?: boolean }): Promise<void> {
  requireExtension(file, ['xlsx', 'csv', 'yaml', 'yml'], '题库');
  if (options.replace && !options.slug) throw new CliError(EXIT.usage, '替换题库时须用 --slug 指明要替换的题库。');
  const data = await readLocalFile(file);
  const fields: Record<string, string> = {};
  if (options.title) fields.title = options.title;
  if (options.slug) fields.slug = options.slug;
  if (options.replace) fields.replace = 'true';
  const bank = await api.upload<BankSummary>('/api/banks', { name: path.basename(file), data }, fields);
  out.data(bank);
  out.say(`已${options.replace ? '替换' : '导入'}题库「${bank.title}」（slug：${bank.slug}），共 ${bank.questionCount} 题（${typesText(bank.types)}）。`);
}

export async function listBanks(api: ApiClient, out: Output): Promise<void> {
  const banks = await api.getJson<BankSummary[]>('/api/banks');
  out.data(banks);
  if (!banks.length) return out.say('还没有题库。');
  out.say(table(['slug', '标题', '题数', '题型', '来源'], banks.map((b) => [b.slug, b.title, String(b.questionCount), typesText(b.types), b.origin === 'shipped' ? '自带' : '上传'])));
}

export async function listRounds(api: ApiClient, out: Output, status?: string): Promise<void> {
  const rounds = await api.getJson<RoundView[]>(`/api/rounds${status ? `?status=${encodeURIComponent(status)}` : ''}`);
  out.data(rounds);
  if (!rounds.length) return out.say(status ? `没有状态为「${STATUS_NAMES[status] ?? status}」的答题活动。` : '还没有答题活动。');
  out.say(
    table(
      ['编号', '标题', '状态', '开始', '结束', '题库', '题数'],
      rounds.map((r) => [String(r.id), r.title, STATUS_NAMES[r.status] ?? r.status, localTime(r.local.startsAt), localTime(r.local.endsAt), r.bank, String(r.questionCount)]),
    ),
  );
}

/** Creates a round from a JSON or YAML file; its bank may be named by slug or by exact title. */
export async function createRound(api: ApiClient, out: Output, file: string): Promise<void> {
  requireExtension(file, ['json', 'yaml', 'yml'], '活动文件');
  const text = (await readLocalFile(file)).toString('utf8').replace(/^\uFEFF/, '');
  let body: unknown;
  try {
    body = file.toLowerCase().endsWith('.json') ? JSON.parse(text) : readYaml(text);
  } catch (err) {
    const reason = err instanceof YamlFormatError ? err.message : `不是有效的 JSON：${(err as Error).message}`;
    throw new CliError(EXIT.usage, `无法读取活动文件 ${file}：${reason}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new CliError(EXIT.usage, `活动文件 ${file} 须是一个对象（bank、title、startsAt、endsAt、questionCount…）。`);
  const round = body as Record<string, unknown>;
  if (typeof round.bank === 'string') round.bank = await bankSlugOf(api, round.bank);
  const created = await api.postJson<RoundAnswer>('/api/rounds', round);
  out.data(created);
  const e = created.estimate;
  out.say(`已创建答题活动 #${created.id}「${created.title}」：${localTime(created.local.startsAt)} 至 ${localTime(created.local.endsAt)}，题库 ${created.bank}，每次 ${created.questionCount} 题。`);
  out.say(
    `预计需发送 ${e.messages} 条消息，按当前发送速率约 ${e.hoursAtConfiguredRate.toFixed(1)} 小时，活动时长 ${e.windowHours.toFixed(1)} 小时：` +
      (e.fits ? '来得及。' : e.answerSheet.fits ? '逐题聊天来不及，建议使用答题卡方式。' : '来不及，请延长时间或增加账号。'),
  );
  for (const warning of created.warnings) out.say(`注意：${warning}`);
}

/** A bank named by its slug, or else by its exact title when one bank has it. */
async function bankSlugOf(api: ApiClient, name: string): Promise<string> {
  const banks = await api.getJson<BankSummary[]>('/api/banks');
  if (banks.some((b) => b.slug === name)) return name;
  const titled = banks.filter((b) => b.title === name.trim());
  if (titled.length === 1) return titled[0].slug;
  if (titled.length > 1) throw new CliError(EXIT.usage, `有 ${titled.length} 个题库名为「${name}」，请在活动文件中用 slug 指明：${titled.map((b) => b.slug).join('、')}`);
  return name;
}

export interface ExportOptions extends ExportQuery {
  out: string;
  format?: string;
  force?: boolean;
}

export async function exportReport(api: ApiClient, out: Output, report: string, options: ExportOptions): Promise<void> {
  if (!isReportName(report)) throw new CliError(EXIT.usage, `未知的报表：${report}。可选：${Object.keys(REPORTS).join('、')}`);
  const format = formatFor(options.out, options.format);
  if (!format) throw new CliError(EXIT.usage, `导出格式须为 csv 或 xlsx：${options.format}`);
  if (REPORTS[report].needsRound && options.round === undefined) throw new CliError(EXIT.usage, `导出「${REPORTS[report].label}」须用 --round 指明答题活动编号。`);
  if (!options.force && (await exists(options.out))) throw new CliError(EXIT.usage, `文件已存在：${options.out}。如要覆盖，请加 --force。`);
  const saved = await api.download(reportPath(report, format, options), options.out);
  out.data({ report, format, file: path.resolve(options.out), bytes: saved.bytes });
  out.say(`已导出${REPORTS[report].label}到 ${options.out}（${format === 'xlsx' ? 'Excel' : 'CSV'}，${saved.bytes} 字节）。`);
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

const typesText = (types: Record<string, number>) =>
  Object.entries(types)
    .map(([type, count]) => `${TYPE_NAMES[type] ?? type} ${count}`)
    .join('，') || '无';

/** 2026-12-01T09:00:00+08:00 as 2026-12-01 09:00: the service gives local times in its TIMEZONE. */
const localTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Display width: a Chinese character takes two columns in a terminal. */
const widthOf = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(widthOf(h), ...rows.map((r) => widthOf(r[i]))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - widthOf(c)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
