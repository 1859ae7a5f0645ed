import { ConflictException, Inject, Injectable, Logger, NotFoundException, OnModuleInit } from '@nestjs/common';
import crypto from 'node:crypto';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Question } from '../generated/prisma/client';
import { loadBankDir, type BankDefinition, type QuestionDefinition, type QuestionType } from './engine';

export interface BankSummary {
  slug: string;
  title: string;
  description: string | null;
  origin: string;
  questionCount: number;
  types: Partial<Record<QuestionType, number>>;
}

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

/** ASCII slug for a bank title or file name; Chinese titles get a short stable hash. */
export function slugFor(text: string): string {
  const ascii = text
    .toLowerCase()
    .replace(/\.(ya?ml|xlsx|csv)$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return ascii.length >= 3 ? ascii : `bank-${crypto.createHash('sha1').update(text).digest('hex').slice(0, 8)}`;
}

@Injectable()
export class BanksService implements OnModuleInit {
  private readonly logger = new Logger('Banks');

  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const banks = await loadBankDir(path.resolve(this.config.QUIZZES_DIR));
    for (const bank of banks) await this.save(bank, 'shipped');
    this.logger.log(`shipped banks: ${banks.map((b) => `${b.slug} (${b.questions.length})`).join(', ') || 'none'}`);
  }

  async list(): Promise<BankSummary[]> {
    const banks = await this.prisma.bank.findMany({ orderBy: { id: 'asc' }, include: { questions: { select: { type: true } } } });
    return banks.map((b) => {
      const types: Partial<Record<QuestionType, number>> = {};
      for (const q of b.questions) types[q.type as QuestionType] = (types[q.type as QuestionType] ?? 0) + 1;
      return { slug: b.slug, title: b.title, description: b.description, origin: b.origin, questionCount: b.questions.length, types };
    });
  }

  async get(slug: string): Promise<BankDefinition & { id: number; origin: string }> {
    const bank = await this.prisma.bank.findUnique({ where: { slug }, include: { questions: { orderBy: { position: 'asc' } } } });
    if (!bank) throw new NotFoundException(`no question bank "${slug}"`);
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
   * Creates or updates a bank by slug, all in one transaction: questions are upserted by key, and
   * questions no longer in the file are removed unless answers refer to them.
   */
  async save(bank: BankDefinition, origin: 'shipped' | 'organiser'): Promise<BankSummary> {
    await this.prisma.$transaction(
      async (tx) => {
        const row = await tx.bank.upsert({
          where: { slug: bank.slug },
          create: { slug: bank.slug, title: bank.title, description: bank.description ?? null, origin },
          update: { title: bank.title, description: bank.description ?? null },
        });
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
        if (stale.length) {
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
      },
      { timeout: 120_000 },
    );
    return (await this.list()).find((b) => b.slug === bank.slug)!;
  }

  async remove(slug: string): Promise<{ slug: string; deleted: true }> {
    const bank = await this.prisma.bank.findUnique({ where: { slug }, include: { _count: { select: { rounds: true } } } });
    if (!bank) throw new NotFoundException(`no question bank "${slug}"`);
    if (bank._count.rounds > 0) throw new ConflictException(`bank "${slug}" is used by ${bank._count.rounds} round(s); cancel or delete them first`);
    await this.prisma.bank.delete({ where: { id: bank.id } });
    return { slug, deleted: true };
  }
}
