import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnModuleInit } from '@nestjs/common';
import crypto from 'node:crypto';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Prisma, Question } from '../generated/prisma/client';
import { QUESTION_TYPES, firstFreeSlug, loadBankDir, type BankDefinition, type QuestionDefinition, type QuestionType } from './engine';

/** A round that uses a bank, as the console names it. */
export interface BankUser {
  id: number;
  title: string;
  status: string;
}

export interface BankSummary {
  slug: string;
  title: string;
  description: string | null;
  origin: string;
  questionCount: number;
  /** Only the types the bank has (kept for older callers); `counts` has every type. */
  types: Partial<Record<QuestionType, number>>;
  counts: TypeCounts;
  usedBy: BankUser[];
}

export type TypeCounts = Record<QuestionType, number> & { total: number };

/** How many questions of each type, every type named (0 when absent). */
export function countTypes(types: QuestionType[]): TypeCounts {
  const counts = { ...Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])), total: types.length } as TypeCounts;
  for (const type of types) counts[type]++;
  return counts;
}

const ROUND_STATUS_LABELS: Record<string, string> = { scheduled: '未开始', open: '进行中', closed: '已结束', cancelled: '已取消' };

export function toDefinition(q: Question): QuestionDefinition {
  return {
    key: q.key,
    type: q.type as QuestionType,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    ...(q.explanation ? { explanation: q.explanation } : {}),
    points: q.points,
    tags: q.tags,
    ...(q.sourceFile ? { source: { file: q.sourceFile, quote: q.sourceQuote ?? '' } } : {}),
  };
}

export type BankOrigin = 'shipped' | 'organiser';

/** Where an upload goes: a slug the organiser named (replaced only when asked), or a new bank named after `base`. */
export type UploadTarget = { kind: 'named'; slug: string; replace: boolean } | { kind: 'new'; base: string };

/** Identifies a bank's content: a shipped bank whose file gives the same hash is not rewritten. */
export function contentHashOf(bank: BankDefinition): string {
  return crypto.createHash('sha256').update(JSON.stringify(bank)).digest('hex');
}

type Tx = Prisma.TransactionClient;
const TRANSACTION = { timeout: 120_000 };
const ACTIVE_ROUND = ['scheduled', 'open'];

@Injectable()
export class BanksService implements OnModuleInit {
  private readonly logger = new Logger('Banks');

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const banks = await loadBankDir(path.resolve(this.config.QUIZZES_DIR));
    const outcomes: string[] = [];
    for (const bank of banks) outcomes.push(`${bank.slug} (${bank.questions.length}, ${await this.applyShipped(bank)})`);
    this.logger.log(`shipped banks: ${outcomes.join(', ') || 'none'}`);
  }

  /**
   * Writes a shipped bank unless its file is unchanged since it was last written, or an organiser
   * replaced the bank (then it is theirs and stays as they left it).
   */
  async applyShipped(bank: BankDefinition): Promise<'created' | 'updated' | 'unchanged' | 'kept'> {
    const hash = contentHashOf(bank);
    return this.prisma.$transaction(async (tx) => {
      const current = await tx.bank.findUnique({ where: { slug: bank.slug }, select: { origin: true, contentHash: true } });
      if (current && current.origin !== 'shipped') return 'kept';
      if (current?.contentHash === hash) return 'unchanged';
      await this.write(tx, bank, 'shipped');
      return current ? 'updated' : 'created';
    }, TRANSACTION);
  }

  async list(): Promise<BankSummary[]> {
    const banks = await this.prisma.bank.findMany({
      orderBy: { id: 'asc' },
      include: { questions: { select: { type: true } }, rounds: { select: { id: true, title: true, status: true }, orderBy: { id: 'asc' } } },
    });
    return banks.map((b) => {
      const types: Partial<Record<QuestionType, number>> = {};
      for (const q of b.questions) types[q.type as QuestionType] = (types[q.type as QuestionType] ?? 0) + 1;
      return {
        slug: b.slug,
        title: b.title,
        description: b.description,
        origin: b.origin,
        questionCount: b.questions.length,
        types,
        counts: countTypes(b.questions.map((q) => q.type as QuestionType)),
        usedBy: b.rounds,
      };
    });
  }

  async get(slug: string): Promise<BankDefinition & { id: number; origin: string }> {
    const bank = await this.prisma.bank.findUnique({ where: { slug }, include: { questions: { orderBy: { position: 'asc' } } } });
    if (!bank) throw new NotFoundException(`没有题库「${slug}」。`);
    return {
      id: bank.id,
      slug: bank.slug,
      title: bank.title,
      origin: bank.origin,
      ...(bank.description ? { description: bank.description } : {}),
      questions: bank.questions.map(toDefinition),
    };
  }

  /**
   * Saves an organiser's upload. A named slug that exists is replaced only with `replace`, and
   * never while a scheduled or open round uses it; otherwise the bank gets a new slug of its own.
   */
  async importUpload(bank: Omit<BankDefinition, 'slug'>, target: UploadTarget): Promise<BankSummary> {
    const slug = target.kind === 'named' ? await this.replaceNamed({ ...bank, slug: target.slug }, target.replace) : await this.createNew(bank, target.base);
    return (await this.list()).find((b) => b.slug === slug)!;
  }

  private async replaceNamed(bank: BankDefinition, replace: boolean): Promise<string> {
    await this.prisma.$transaction(async (tx) => {
      const current = await tx.bank.findUnique({
        where: { slug: bank.slug },
        select: { rounds: { where: { status: { in: ACTIVE_ROUND } }, select: { title: true } } },
      });
      if (current && !replace) {
        throw new ConflictException(
          `题库「${bank.slug}」已存在。要用这个文件替换它，请同时提交 slug=${bank.slug} 和 replace=true；要另存为新题库，请不填 slug。`,
        );
      }
      if (current?.rounds.length) {
        const titles = current.rounds.map((r) => `「${r.title}」`).join('、');
        throw new ConflictException(
          `题库「${bank.slug}」正被未结束的答题轮次${titles}使用，不能替换。请等轮次结束或取消后再替换，或不填 slug 另存为新题库。`,
        );
      }
      await this.write(tx, bank, 'organiser');
    }, TRANSACTION);
    return bank.slug;
  }

  private async createNew(bank: Omit<BankDefinition, 'slug'>, base: string): Promise<string> {
    // Two uploads may pick the same free slug at once: the second one's insert fails and it picks again.
    for (let tries = 1; ; tries++) {
      const taken = await this.prisma.bank.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
      const slug = firstFreeSlug(base, new Set(taken.map((b) => b.slug)));
      try {
        await this.prisma.$transaction((tx) => this.write(tx, { ...bank, slug }, 'organiser', { create: true }), TRANSACTION);
        return slug;
      } catch (err) {
        if (tries >= 5 || (err as { code?: string }).code !== 'P2002') throw err;
      }
    }
  }

  /**
   * Writes a bank by slug: questions are upserted by key, and questions no longer in the bank are
   * removed unless answers or stored attempts refer to them.
   */
  private async write(tx: Tx, bank: BankDefinition, origin: BankOrigin, options: { create?: boolean } = {}): Promise<void> {
    const fields = { title: bank.title, description: bank.description ?? null, origin, contentHash: contentHashOf(bank) };
    const row = options.create
      ? await tx.bank.create({ data: { slug: bank.slug, ...fields } })
      : await tx.bank.upsert({ where: { slug: bank.slug }, create: { slug: bank.slug, ...fields }, update: fields });
    for (const [position, q] of bank.questions.entries()) {
      const data = {
        position,
        type: q.type,
        stem: q.stem,
        options: q.options,
        answer: q.answer,
        explanation: q.explanation ?? null,
        points: q.points,
        tags: q.tags,
        sourceFile: q.source?.file ?? null,
        sourceQuote: q.source?.quote ?? null,
      };
      await tx.question.upsert({
        where: { bankId_key: { bankId: row.id, key: q.key } },
        create: { bankId: row.id, key: q.key, ...data },
        update: data,
      });
    }
    const keep = bank.questions.map((q) => q.key);
    const stale = await tx.question.findMany({ where: { bankId: row.id, key: { notIn: keep } }, select: { id: true } });
    if (!stale.length) return;
    const used = new Set(
      (
        await tx.answer.findMany({
          where: { questionId: { in: stale.map((s) => s.id) } },
          distinct: ['questionId'],
          select: { questionId: true },
        })
      ).map((a) => a.questionId),
    );
    // Questions drawn in a stored attempt stay: results must remain recomputable.
    const drawn = await tx.$queryRawUnsafe<Array<{ q: number }>>(
      `SELECT DISTINCT (d->>'questionId')::int AS q FROM attempt a JOIN round r ON r.id = a.round_id, jsonb_array_elements(a.draw) d WHERE r.bank_id = $1`,
      row.id,
    );
    for (const d of drawn) used.add(d.q);
    await tx.question.deleteMany({ where: { id: { in: stale.map((s) => s.id).filter((id) => !used.has(id)) } } });
  }

  async remove(slug: string): Promise<{ slug: string; deleted: true }> {
    const bank = await this.prisma.bank.findUnique({
      where: { slug },
      include: { rounds: { select: { id: true, title: true, status: true }, orderBy: { id: 'asc' } } },
    });
    if (!bank) throw new NotFoundException(`没有题库「${slug}」。`);
    // Rounds keep their bank for their results, so a bank once used stays.
    if (bank.rounds.length > 0) {
      const named = bank.rounds.map((r) => `「${r.title}」（${ROUND_STATUS_LABELS[r.status] ?? r.status}）`).join('、');
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `题库「${bank.title}」正被答题活动${named}使用，不能删除。答题活动的成绩要靠题库查看，用过的题库会一直保留。`,
        usedBy: bank.rounds,
      });
    }
    await this.prisma.bank.delete({ where: { id: bank.id } });
    return { slug, deleted: true };
  }
}
