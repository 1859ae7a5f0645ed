import { BadRequestException, Inject, Injectable, Logger, NotFoundException, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { inScriptOf } from '../common/text';
import { inSteps } from '../common/steps';
import type { KnowledgeEntry } from '../generated/prisma/client';
import { answeredIds, decide, KnowledgeIndex, normaliseQuestion, type MatchCandidate } from './matching';
import { KnowledgeFileError, readKnowledgeDir } from './knowledge-file';
import { entryIdFor, type EntryInput } from './knowledge-table';
import { type AskedQuestions, readAskedQuestions } from './asked-questions';
import { SourceTexts } from './source-texts';

export interface AskResult {
  answered: boolean;
  answer: string | null;
  entryId: string | null;
  /** Every entry the answer gives, entryId first: a question may ask about two (“四有”“四立”分别指什么). */
  entryIds: string[];
  score: number;
  suggestions: Array<{ entryId: string; question: string; score: number }>;
  /** Figures the member asks to have checked that the answer gives otherwise (是70万人次吧, where it says 7万余人次); the answer says so first. */
  corrected: string[];
}

export interface Asker {
  wechatId?: string;
  unit?: string | null;
}

const RELOAD_CHECK_MS = 30_000;

/**
 * The knowledge base: entries in the database, an in-memory index over the enabled ones, and
 * the log of what went unanswered.
 */
/** Asks kept per unanswered question (the count goes on). */
export const UNANSWERED_ASKS_KEPT = 20;
/** Distinct unanswered questions kept. */
export const UNANSWERED_QUESTIONS_KEPT = 5000;
/** Said when the shipped files cannot be read on a reload; the reason follows. */
const RELOAD_REFUSED = '知识库文件有误，未重新加载，仍使用原有内容：';

/** Put before an answer that gives other figures than those the member asks to have checked, so their own is not taken as confirmed. */
export function correctionNote(figures: string[]): string {
  return `提示：您提到的${figures.map((figure) => `「${figure}」`).join('、')}与资料不符，请以下面的内容为准。`;
}

export interface ReloadResult {
  created: number;
  updated: number;
  kept: number;
  entries: number;
}

@Injectable()
export class KnowledgeService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Knowledge');
  private index = new KnowledgeIndex([]);
  private entries = new Map<string, KnowledgeEntry>();
  /** Questions members asked of the entries, by entry id (knowledge/asked): read at start and on reload. */
  private asked: AskedQuestions = { answered: new Map(), notAnswered: new Map() };
  private version = '';
  /** The rebuild under way, if any: the next one waits for it. */
  private rebuilding: Promise<void> = Promise.resolve();
  private watcher?: NodeJS.Timeout;

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const result = await this.reload();
    this.logger.log(`shipped knowledge: ${result.created} new, ${result.updated} updated, ${result.kept} kept as edited`);
    // Another instance on the same database may change entries: notice it.
    this.watcher = setInterval(() => void this.rebuildIfChanged().catch(() => undefined), RELOAD_CHECK_MS);
    this.watcher.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.watcher);
  }

  get size(): number {
    return this.index.size;
  }

  /**
   * Loads knowledge/*.yaml by id: new entries are added, untouched shipped entries follow the
   * files, and entries an organiser edited or deleted are left as they are.
   */
  async applyShipped(): Promise<{ created: number; updated: number; kept: number }> {
    const shipped = await inSteps(readKnowledgeDir(path.resolve(this.config.KNOWLEDGE_DIR)));
    const existing = new Map((await this.prisma.knowledgeEntry.findMany()).map((e) => [e.id, e]));
    let created = 0;
    let updated = 0;
    let kept = 0;
    await this.prisma.$transaction(
      async (tx) => {
        for (const entry of shipped) {
          const data = {
            question: entry.question,
            similar: entry.similar,
            answer: entry.answer,
            tags: entry.tags,
            sourceFile: entry.source.file,
            sourceQuote: entry.source.quote,
            threshold: entry.threshold ?? null,
          };
          const current = existing.get(entry.id);
          if (!current) {
            await tx.knowledgeEntry.create({ data: { id: entry.id, origin: 'shipped', ...data } });
            created++;
          } else if (current.origin === 'shipped' && !current.editedAt) {
            // Unchanged entries are not rewritten: a rewrite would make every other instance rebuild its index.
            if (Object.entries(data).some(([key, value]) => JSON.stringify(value) !== JSON.stringify(current[key as keyof typeof current]))) {
              await tx.knowledgeEntry.update({ where: { id: entry.id }, data });
              updated++;
            }
          } else kept++;
        }
      },
      { timeout: 120_000 },
    );
    return { created, updated, kept };
  }

  /**
   * A reload asked for by an organiser: the files that cannot be read are reported in the sentence
   * members and organisers read (`refused`), and what was loaded before stays in use.
   */
  async reloadOrRefuse(): Promise<{ loaded: ReloadResult; refused?: undefined } | { loaded?: undefined; refused: string }> {
    try {
      return { loaded: await this.reload() };
    } catch (error) {
      if (!(error instanceof KnowledgeFileError)) throw error;
      return { refused: `${RELOAD_REFUSED}${error.message}` };
    }
  }

  async reload(): Promise<ReloadResult> {
    // Read before anything is applied: a file that cannot be read leaves everything as it was.
    const asked = await this.readAsked();
    const result = await this.applyShipped();
    this.asked = asked;
    await this.rebuild();
    this.reportAsked();
    return { ...result, entries: this.index.size };
  }

  /** Reads knowledge/asked (at start and on reload, as the shipped entries are), a file at a time. */
  private readAsked(): Promise<AskedQuestions> {
    return inSteps(readAskedQuestions(path.resolve(this.config.KNOWLEDGE_DIR, 'asked')));
  }

  private reportAsked(): void {
    const { answered, notAnswered } = this.asked;
    const ids = new Set([...answered.keys(), ...notAnswered.keys()]);
    const unknown = [...ids].filter((id) => !this.entries.has(id));
    const count = (byEntry: Map<string, string[]>) => [...byEntry.values()].reduce((n, list) => n + list.length, 0);
    this.logger.log(`asked questions: ${count(answered)} answered and ${count(notAnswered)} not, for ${ids.size - unknown.length} entries`);
    if (unknown.length) this.logger.warn(`asked questions name entries that are not enabled: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ' …' : ''}`);
  }

  async ask(text: string, asker: Asker = {}): Promise<AskResult> {
    const decision = decide(this.index, text, {
      answer: this.config.QA_ANSWER_THRESHOLD,
      suggest: this.config.QA_SUGGEST_THRESHOLD,
    });
    const script = (s: string) => inScriptOf(text, s);
    const suggestions = decision.suggestions.slice(0, 3).map((s: MatchCandidate) => ({
      entryId: s.id,
      question: script(s.question),
      score: round(s.score),
    }));
    const answered = answeredIds(decision).flatMap((id) => this.entries.get(id) ?? []);
    if (answered.length) {
      const entryIds = answered.map((entry) => entry.id);
      const corrected = this.index.figuresCorrectedBy(text, entryIds[0]);
      const answers = answered.map((entry) => script(entry.answer));
      const answer = [...(corrected.length ? [script(correctionNote(corrected))] : []), ...answers].join('\n');
      return { answered: true, answer, entryId: entryIds[0], entryIds, score: round(decision.score), suggestions: [], corrected };
    }
    await this.recordUnanswered(text, decision.kind === 'suggest' ? 'suggested' : 'not-found', asker).catch((err) =>
      this.logger.warn(`could not log an unanswered question: ${(err as Error).message}`),
    );
    return {
      answered: false,
      answer: null,
      entryId: null,
      entryIds: [],
      score: round(decision.score),
      suggestions: decision.kind === 'suggest' ? suggestions : [],
      corrected: [],
    };
  }

  /** The answer of one entry, in the script of `sample` (a member picking a suggestion by number). */
  answerOf(entryId: string, sample = ''): string | undefined {
    const entry = this.entries.get(entryId);
    return entry && inScriptOf(sample, entry.answer);
  }

  // ---------- organiser operations ----------

  async search(query: { q?: string; tag?: string; skip: number; take: number }) {
    const where = {
      ...(query.tag ? { tags: { has: query.tag } } : {}),
      ...(query.q
        ? {
            OR: [
              { question: { contains: query.q, mode: 'insensitive' as const } },
              { answer: { contains: query.q, mode: 'insensitive' as const } },
              { id: { contains: query.q } },
              { similar: { has: query.q } },
            ],
          }
        : {}),
    };
    const [total, items] = await Promise.all([
      this.prisma.knowledgeEntry.count({ where }),
      this.prisma.knowledgeEntry.findMany({ where, orderBy: { id: 'asc' }, skip: query.skip, take: query.take }),
    ]);
    return { total, items };
  }

  async all(): Promise<KnowledgeEntry[]> {
    return this.prisma.knowledgeEntry.findMany({ orderBy: { id: 'asc' } });
  }

  /** The questions members asked of an entry that it answers, and those close to it that it does not (knowledge/asked). */
  askedOf(id: string): { answered: string[]; notAnswered: string[] } {
    return { answered: this.asked.answered.get(id) ?? [], notAnswered: this.asked.notAnswered.get(id) ?? [] };
  }

  async get(id: string): Promise<KnowledgeEntry> {
    const entry = await this.prisma.knowledgeEntry.findUnique({ where: { id } });
    if (!entry) throw new NotFoundException(`没有知识条目「${id}」。`);
    return entry;
  }

  async create(input: EntryInput): Promise<KnowledgeEntry> {
    refuseContradiction(input.question, input.similar, input.notAnswered ?? []);
    const id = input.id ?? entryIdFor(input.question);
    const entry = await this.prisma.knowledgeEntry.create({
      data: { ...this.dataOf(input), id, origin: 'organiser', editedAt: new Date() },
    });
    await this.rebuild();
    return entry;
  }

  async update(id: string, input: Partial<EntryInput>): Promise<KnowledgeEntry> {
    const current = await this.get(id);
    refuseContradiction(input.question ?? current.question, input.similar ?? current.similar, input.notAnswered ?? current.notAnswered);
    const entry = await this.prisma.knowledgeEntry.update({ where: { id }, data: { ...this.dataOf(input), editedAt: new Date() } });
    await this.rebuild();
    return entry;
  }

  /** Organiser entries are removed; shipped ones are switched off so that a reload does not bring them back. */
  async remove(id: string): Promise<{ id: string; removed: 'deleted' | 'disabled' }> {
    const entry = await this.get(id);
    if (entry.origin === 'shipped') {
      await this.prisma.knowledgeEntry.update({ where: { id }, data: { enabled: false, editedAt: new Date() } });
    } else {
      await this.prisma.knowledgeEntry.delete({ where: { id } });
    }
    await this.rebuild();
    return { id, removed: entry.origin === 'shipped' ? 'disabled' : 'deleted' };
  }

  /** All or nothing: upserts by id (a stable id is derived from the question when none is given). */
  async importEntries(inputs: EntryInput[]): Promise<{ created: number; updated: number }> {
    for (const input of inputs) refuseContradiction(input.question, input.similar, input.notAnswered ?? []);
    const withIds = inputs.map((i) => ({ ...i, id: i.id ?? entryIdFor(i.question) }));
    const existing = new Set(
      (await this.prisma.knowledgeEntry.findMany({ where: { id: { in: withIds.map((i) => i.id) } }, select: { id: true } })).map(
        (e) => e.id,
      ),
    );
    await this.prisma.$transaction(
      async (tx) => {
        for (const input of withIds) {
          const data = { ...this.dataOf(input), editedAt: new Date() };
          await tx.knowledgeEntry.upsert({
            where: { id: input.id },
            create: { ...data, id: input.id, origin: 'import' },
            update: data,
          });
        }
      },
      { timeout: 120_000 },
    );
    await this.rebuild();
    return { created: withIds.filter((i) => !existing.has(i.id)).length, updated: withIds.filter((i) => existing.has(i.id)).length };
  }

  // ---------- unanswered questions ----------

  private async recordUnanswered(text: string, outcome: string, asker: Asker): Promise<void> {
    const normalized = normaliseQuestion(text).slice(0, 500) || text.trim().slice(0, 500);
    if (!normalized) return;
    const now = new Date();
    const question = await this.prisma.unansweredQuestion.upsert({
      where: { normalized },
      create: { normalized, sampleText: text.slice(0, 500), count: 1, lastOutcome: outcome },
      update: { count: { increment: 1 }, lastAskedAt: now, lastOutcome: outcome, resolvedAt: null, resolvedEntryId: null },
    });
    await this.prisma.unansweredAsk.create({
      data: { questionId: question.id, text: text.slice(0, 500), askedBy: asker.wechatId ?? null, unitName: asker.unit ?? null },
    });
    await this.boundUnansweredLog(question.id, question.count === 1);
  }

  /**
   * The log is open to anyone who can message the bot or call the public route: repeats only
   * raise a count, each question keeps its latest asks, and past a total the least asked,
   * longest quiet questions make room.
   */
  private async boundUnansweredLog(questionId: number, isNew: boolean): Promise<void> {
    await this.prisma.sql.query(
      `DELETE FROM unanswered_ask WHERE question_id = $1 AND id NOT IN
         (SELECT id FROM unanswered_ask WHERE question_id = $1 ORDER BY id DESC LIMIT $2)`,
      [questionId, UNANSWERED_ASKS_KEPT],
    );
    if (!isNew) return;
    await this.prisma.sql.query(
      `DELETE FROM unanswered_question WHERE id IN (
         SELECT id FROM unanswered_question
          ORDER BY (resolved_at IS NULL), count, last_asked_at
          LIMIT GREATEST(0, (SELECT count(*) FROM unanswered_question) - $1))`,
      [UNANSWERED_QUESTIONS_KEPT],
    );
  }

  async unanswered(options: { includeResolved: boolean; take: number }) {
    const rows = await this.prisma.unansweredQuestion.findMany({
      where: options.includeResolved ? {} : { resolvedAt: null },
      orderBy: [{ count: 'desc' }, { lastAskedAt: 'desc' }],
      take: options.take,
      include: { asks: { orderBy: { askedAt: 'desc' }, take: 5 } },
    });
    return rows.map((r) => ({
      id: r.id,
      text: r.sampleText,
      normalized: r.normalized,
      count: r.count,
      firstAskedAt: r.firstAskedAt,
      lastAskedAt: r.lastAskedAt,
      lastOutcome: r.lastOutcome,
      resolvedEntryId: r.resolvedEntryId,
      recentAsks: r.asks.map((a) => ({ text: a.text, askedBy: a.askedBy, unit: a.unitName, askedAt: a.askedAt })),
      units: [...new Set(r.asks.map((a) => a.unitName).filter(Boolean))],
    }));
  }

  /** Turns an unanswered question into a similar question of an entry, or into a new entry. */
  async resolveUnanswered(
    id: number,
    resolution: { entryId: string } | { question?: string; answer: string; tags?: string[] },
  ): Promise<KnowledgeEntry> {
    const question = await this.prisma.unansweredQuestion.findUnique({ where: { id } });
    if (!question) throw new NotFoundException(`没有编号为${id}的未答问题。`);
    let entry: KnowledgeEntry;
    if ('entryId' in resolution) {
      const target = await this.get(resolution.entryId);
      const similar = [...new Set([...target.similar, question.sampleText])];
      // The organiser now says the entry answers it: it is no longer one the entry does not.
      const asked = normaliseQuestion(question.sampleText);
      const notAnswered = target.notAnswered.filter((text) => normaliseQuestion(text) !== asked);
      entry = await this.prisma.knowledgeEntry.update({ where: { id: target.id }, data: { similar, notAnswered, editedAt: new Date() } });
    } else {
      const text = resolution.question?.trim() || question.sampleText;
      entry = await this.prisma.knowledgeEntry.create({
        data: {
          id: entryIdFor(text),
          question: text,
          similar: text === question.sampleText ? [] : [question.sampleText],
          answer: resolution.answer,
          tags: resolution.tags ?? [],
          origin: 'organiser',
          editedAt: new Date(),
        },
      });
    }
    await this.prisma.unansweredQuestion.update({ where: { id }, data: { resolvedAt: new Date(), resolvedEntryId: entry.id } });
    await this.rebuild();
    return entry;
  }

  // ---------- index ----------

  private dataOf(input: Partial<EntryInput>) {
    const data: Record<string, unknown> = {};
    for (const key of ['question', 'similar', 'notAnswered', 'answer', 'tags', 'category', 'sourceFile', 'sourceQuote', 'threshold', 'enabled'] as const) {
      if (input[key] !== undefined) data[key] = input[key];
    }
    return data as {
      question: string;
      similar: string[];
      answer: string;
      tags: string[];
    };
  }

  /**
   * Rebuilds the index from the enabled entries. Rebuilds run one after another, so that an older
   * read never replaces a newer one; the index is built in steps while the one in use goes on
   * answering, and the entries and their index are swapped together.
   */
  private rebuild(): Promise<void> {
    const next = this.rebuilding.then(() => this.rebuildNow());
    this.rebuilding = next.catch(() => undefined);
    return next;
  }

  private async rebuildNow(): Promise<void> {
    // The version first: a change made between the two reads is then seen as one still to load.
    const version = await this.currentVersion();
    const rows = await this.prisma.knowledgeEntry.findMany({ where: { enabled: true } });
    const sources = new SourceTexts(path.resolve(this.config.KNOWLEDGE_DIR, 'sources'));
    const index = await KnowledgeIndex.build(
      rows.map((r) => ({
        id: r.id,
        question: r.question,
        similar: r.similar,
        answer: r.answer,
        tags: r.tags,
        threshold: r.threshold,
        passage: sources.passage(r.sourceFile, r.sourceQuote),
        asked: this.asked.answered.get(r.id),
        // An organiser's (entered in the console) with those shipped in knowledge/asked.
        notAnswered: [...r.notAnswered, ...(this.asked.notAnswered.get(r.id) ?? [])],
      })),
    );
    this.entries = new Map(rows.map((r) => [r.id, r]));
    this.index = index;
    this.version = version;
  }

  private async currentVersion(): Promise<string> {
    const [row] = await this.prisma.$queryRawUnsafe<Array<{ n: bigint; latest: Date | null }>>(
      'SELECT count(*) AS n, max(updated_at) AS latest FROM knowledge_entry',
    );
    return `${row.n}:${row.latest?.toISOString() ?? ''}`;
  }

  private async rebuildIfChanged(): Promise<void> {
    if ((await this.currentVersion()) !== this.version) await this.rebuild();
  }
}

/** A question cannot be one the entry answers and one it does not. */
function refuseContradiction(question: string, similar: string[], notAnswered: string[]): void {
  const answered = new Set([question, ...similar].map(normaliseQuestion));
  const both = notAnswered.find((text) => answered.has(normaliseQuestion(text)));
  if (both === undefined) return;
  const message = `notAnswered: 「${both}」也是本条的问题或相似问题，不能同时标为不由本条回答。`;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message, field: 'notAnswered' });
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
