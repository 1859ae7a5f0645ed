import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import type { Round } from '../generated/prisma/client';
import { audienceSize, type UnitNode } from '../members/audience';
import { RoomsService } from '../rooms/rooms.service';
import { isoInZone } from '../common/time';
import { estimateRound, shareByAccount, type AccountShare, type Channel, type Estimate, type RoundInput, type RoundPatch, type SendRate } from './round-plan';

export interface RoundView {
  id: number;
  bank: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  questionCount: number;
  secondsPerQuestion: number;
  attemptsAllowed: number;
  scoreRule: string;
  showExplanations: boolean;
  audience: { units: string[]; rooms: string[] };
  channels: string[];
  recurrence: string | null;
  status: string;
  openedAt: Date | null;
  remindedAt: Date | null;
  closedAt: Date | null;
  resultsPostedAt: Date | null;
  /** The same times as ISO 8601 with the offset of `timeZone` */
  local: Record<'startsAt' | 'endsAt' | 'openedAt' | 'remindedAt' | 'closedAt' | 'resultsPostedAt', string | null>;
  timeZone: string;
}

/** Each account's messages against its own send rate in the round's window. */
export type AccountBudget = AccountShare & Pick<Estimate, 'messages' | 'hoursAtConfiguredRate' | 'fits'>;
export type RoundEstimate = Estimate & { accounts: AccountBudget[] };

/** A round's status as a clause of a sentence: 答题活动3已结束。 */
const ROUND_STATUS_TEXT: Record<string, string> = { scheduled: '尚未开始', open: '正在进行', closed: '已结束', cancelled: '已取消' };

/** What the message estimate of a round, saved or only planned, depends on. */
type EstimatedRound = Pick<Round, 'audienceUnits' | 'audienceRooms' | 'questionCount' | 'startsAt' | 'endsAt' | 'channels'>;

/** A round created or changed, with what the organiser should know about it. */
export type RoundAnswer = RoundView & { estimate: RoundEstimate; warnings: string[] };

export function roundView(round: Round & { bank: { slug: string } }, timeZone: string): RoundView {
  const local = (date: Date | null) => (date ? isoInZone(date, timeZone) : null);
  return {
    id: round.id,
    bank: round.bank.slug,
    title: round.title,
    startsAt: round.startsAt,
    endsAt: round.endsAt,
    questionCount: round.questionCount,
    secondsPerQuestion: round.secondsPerQuestion,
    attemptsAllowed: round.attemptsAllowed,
    scoreRule: round.scoreRule,
    showExplanations: round.showExplanations,
    audience: { units: round.audienceUnits, rooms: round.audienceRooms },
    channels: round.channels,
    recurrence: round.recurrence,
    status: round.status,
    openedAt: round.openedAt,
    remindedAt: round.remindedAt,
    closedAt: round.closedAt,
    resultsPostedAt: round.resultsPostedAt,
    local: {
      startsAt: local(round.startsAt),
      endsAt: local(round.endsAt),
      openedAt: local(round.openedAt),
      remindedAt: local(round.remindedAt),
      closedAt: local(round.closedAt),
      resultsPostedAt: local(round.resultsPostedAt),
    },
    timeZone,
  };
}

/** An account that cannot send its part of the round in the window is named, when the round has several. */
function budgetWarnings(estimate: RoundEstimate): string[] {
  if (estimate.accounts.length < 2) return [];
  return estimate.accounts
    .filter((a) => !a.fits)
    .map((a) => `账号 ${a.account} 在本轮时段内发不完它的消息：约 ${a.messages} 条，需 ${a.hoursAtConfiguredRate} 小时，时段只有 ${estimate.windowHours} 小时。请延长时段、改用答题卡或增加账号。`);
}

@Injectable()
export class RoundsService {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RoomsService) private readonly rooms: RoomsService,
  ) {}

  private view(round: Round & { bank: { slug: string } }): RoundView {
    return roundView(round, this.config.TIMEZONE);
  }

  /** Schedules a round; with `dryRun` only checks it and tells what creating it would (nothing is saved). */
  async create(input: RoundInput, options: { dryRun: true }): Promise<Pick<RoundAnswer, 'estimate' | 'warnings'>>;
  async create(input: RoundInput, options?: { dryRun?: false }): Promise<RoundAnswer>;
  async create(input: RoundInput, options: { dryRun?: boolean } = {}): Promise<RoundAnswer | Pick<RoundAnswer, 'estimate' | 'warnings'>> {
    this.checkChannels(input.channels);
    const bank = await this.prisma.bank.findUnique({ where: { slug: input.bank }, include: { _count: { select: { questions: true } } } });
    if (!bank) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `bank: 没有题库「${input.bank}」。`, field: 'bank' });
    if (input.questionCount > bank._count.questions) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `questionCount: 题库只有${bank._count.questions}道题。`,
        field: 'questionCount',
      });
    }
    await this.checkUnits(input.audience.units);
    const warnings = await this.checkRooms(input.audience.rooms);
    if (options.dryRun) {
      const planned = { ...input, audienceUnits: input.audience.units, audienceRooms: input.audience.rooms };
      const estimate = await this.estimate(planned);
      return { estimate, warnings: [...warnings, ...this.timingWarnings(planned), ...budgetWarnings(estimate)] };
    }
    const round = await this.prisma.round.create({
      data: {
        bankId: bank.id,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        questionCount: input.questionCount,
        secondsPerQuestion: input.secondsPerQuestion,
        attemptsAllowed: input.attemptsAllowed,
        scoreRule: input.scoreRule,
        showExplanations: input.showExplanations,
        audienceUnits: input.audience.units,
        audienceRooms: input.audience.rooms,
        channels: input.channels,
        recurrence: input.recurrence ?? null,
      },
      include: { bank: { select: { slug: true } } },
    });
    const estimate = await this.estimate(round);
    return { ...this.view(round), estimate, warnings: [...warnings, ...this.timingWarnings(round), ...budgetWarnings(estimate)] };
  }

  async list(status?: string): Promise<RoundView[]> {
    const rounds = await this.prisma.round.findMany({
      where: status ? { status } : undefined,
      orderBy: { startsAt: 'desc' },
      include: { bank: { select: { slug: true } } },
      take: 500,
    });
    return rounds.map((r) => this.view(r));
  }

  async get(id: number): Promise<RoundView & { estimate: RoundEstimate }> {
    const round = await this.find(id);
    return { ...this.view(round), estimate: await this.estimate(round) };
  }

  async update(id: number, patch: RoundPatch): Promise<RoundAnswer> {
    const round = await this.find(id);
    if (round.status !== 'scheduled') throw new ConflictException(`答题活动${id}${ROUND_STATUS_TEXT[round.status] ?? round.status}，只有未开始的活动可以修改。`);
    const startsAt = patch.startsAt ?? round.startsAt;
    const endsAt = patch.endsAt ?? round.endsAt;
    if (endsAt <= startsAt) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'endsAt: 结束时间应晚于开始时间。', field: 'endsAt' });
    if (patch.questionCount) {
      const count = await this.prisma.question.count({ where: { bankId: round.bankId } });
      if (patch.questionCount > count) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `questionCount: 题库只有${count}道题。`, field: 'questionCount' });
      }
    }
    if (patch.channels) this.checkChannels(patch.channels);
    if (patch.audience?.units) await this.checkUnits(patch.audience.units);
    const warnings = patch.audience?.rooms ? await this.checkRooms(patch.audience.rooms) : [];
    // Only a still-scheduled round is changed, even if it opens meanwhile.
    const result = await this.prisma.round.updateMany({
      where: { id, status: 'scheduled' },
      data: {
        title: patch.title,
        startsAt: patch.startsAt,
        endsAt: patch.endsAt,
        questionCount: patch.questionCount,
        secondsPerQuestion: patch.secondsPerQuestion,
        attemptsAllowed: patch.attemptsAllowed,
        scoreRule: patch.scoreRule,
        showExplanations: patch.showExplanations,
        audienceUnits: patch.audience?.units,
        audienceRooms: patch.audience?.rooms,
        channels: patch.channels,
        recurrence: patch.recurrence,
      },
    });
    if (result.count === 0) throw new ConflictException(`答题活动${id}刚刚已开始，不能再修改。`);
    const changed = await this.get(id);
    return { ...changed, warnings: [...warnings, ...this.timingWarnings(changed), ...budgetWarnings(changed.estimate)] };
  }

  async cancel(id: number): Promise<RoundView> {
    const round = await this.find(id);
    const result = await this.prisma.round.updateMany({ where: { id, status: { in: ['scheduled', 'open'] } }, data: { status: 'cancelled', closedAt: new Date() } });
    if (result.count === 0) throw new ConflictException(`答题活动${id}${ROUND_STATUS_TEXT[round.status] ?? round.status}，不能取消。`);
    return this.view(await this.find(id));
  }

  async renameAudienceUnit(from: string, to: string): Promise<void> {
    await this.prisma.sql.query('UPDATE round SET audience_units = array_replace(audience_units, $1, $2) WHERE $1 = ANY(audience_units)', [from, to]);
  }

  async find(id: number) {
    const round = await this.prisma.round.findUnique({ where: { id }, include: { bank: { select: { slug: true } } } });
    if (!round) throw new NotFoundException(`没有编号为${id}的答题活动。`);
    return round;
  }

  async estimate(round: EstimatedRound): Promise<RoundEstimate> {
    const units = await this.unitNodes();
    const ids = round.audienceUnits.map((name) => units.find((u) => u.name === name)?.id).filter((id): id is number => id !== undefined);
    let audience = units.length ? audienceSize(ids, units) : 0;
    if (audience === 0) audience = await this.prisma.member.count({ where: { wechatId: { not: null } } });
    const plan = { audience, rooms: round.audienceRooms.length, questionCount: round.questionCount, startsAt: round.startsAt, endsAt: round.endsAt, channels: round.channels as Channel[] };
    const rate: SendRate = { minIntervalMs: this.config.OUTBOUND_MIN_INTERVAL_MS, jitterMs: this.config.OUTBOUND_JITTER_MS, maxPerMinute: this.config.OUTBOUND_MAX_PER_MINUTE };
    return { ...estimateRound(plan, rate), accounts: await this.accountBudgets(round, plan, rate) };
  }

  /** Every account sends at the configured rate: each one's rooms and members are weighed against its own window. */
  private async accountBudgets(round: EstimatedRound, plan: Parameters<typeof estimateRound>[0], rate: SendRate): Promise<AccountBudget[]> {
    const rooms = round.audienceRooms;
    // The rooms split as the queue would split them, with nothing waiting yet.
    const { routes } = await this.rooms.route(new Map(rooms.map((name) => [name, 1])), async () => new Map());
    const senders = rooms.map((name) => routes.get(name)?.account ?? this.rooms.account);
    return shareByAccount(plan.audience, await this.rooms.accounts(), senders).map((share) => {
      const { messages, hoursAtConfiguredRate, fits } = estimateRound({ ...plan, audience: share.members, rooms: share.rooms }, rate);
      return { ...share, messages, hoursAtConfiguredRate, fits };
    });
  }

  async unitNodes(): Promise<UnitNode[]> {
    return this.prisma.sql.query<UnitNode>(
      `SELECT u.id, u.name, u.parent_id AS "parentId", u.headcount, coalesce(m.n, 0)::int AS members
         FROM unit u LEFT JOIN (SELECT unit_id, count(*) AS n FROM member WHERE unit_id IS NOT NULL GROUP BY unit_id) m ON m.unit_id = u.id
        ORDER BY u.name`,
    );
  }

  /** A room no account is in is refused when the rooms are known, and only warned about when they are not. */
  private async checkRooms(names: string[]): Promise<string[]> {
    if (!names.length) return [];
    const { known, missing } = await this.rooms.check(names);
    if (!known) return [`还不知道机器人所在的群（机器人尚未登录过），无法核对群${names.map((n) => `「${n}」`).join('、')}，请确认机器人已在群中。`];
    if (missing.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `audience.rooms: 机器人不在群「${missing[0]}」中，请先把机器人拉进该群或改正群名。`,
        field: 'audience.rooms',
      });
    }
    return [];
  }

  private timingWarnings(round: Pick<Round, 'startsAt' | 'endsAt'>): string[] {
    const lead = this.config.REMINDER_MINUTES_BEFORE_CLOSE;
    if (lead > 0 && round.endsAt.getTime() - round.startsAt.getTime() < lead * 60_000) {
      return [`本轮时长短于结束前提醒时间（${lead}分钟），不会发送结束提醒。`];
    }
    return [];
  }

  private checkChannels(channels: Channel[]): void {
    if (channels.includes('web') && !this.config.PUBLIC_URL) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'channels: 网页答题（web）需要在服务器上配置 PUBLIC_URL（成员手机能访问到的服务地址），未配置时不能选择 web。',
        field: 'channels',
      });
    }
  }

  private async checkUnits(names: string[]): Promise<void> {
    if (!names.length) return;
    const found = new Set((await this.prisma.unit.findMany({ where: { name: { in: names } }, select: { name: true } })).map((u) => u.name));
    const missing = names.find((n) => !found.has(n));
    if (missing) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `audience.units: 没有单位「${missing}」。`, field: 'audience.units' });
    }
  }
}
