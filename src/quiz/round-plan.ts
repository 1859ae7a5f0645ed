import { CronTime } from 'cron';
import { z } from 'zod';
import { DATE_TIME_HINT, parseDateTime } from '../common/time';
import { messagesPerHour, type PacingOptions } from '../outbound/pacing';

/** A date-time; one without an offset is wall time in `timeZone` (the configured TIMEZONE, not the server's). */
const dateTime = (timeZone: string) =>
  z
    .string({ error: DATE_TIME_HINT })
    .transform((s, ctx) => {
      const date = parseDateTime(s, timeZone);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: DATE_TIME_HINT });
        return z.NEVER;
      }
      return date;
    });

/** The one cron check of a round's recurrence, for creation and change alike. */
export function isValidRecurrence(cron: string): boolean {
  return CronTime.validateCronExpression(cron).valid;
}

const recurrence = z.string().trim().refine(isValidRecurrence, '应为 cron 表达式，例如 "0 9 * * 1"（每周一9点）');

const audienceNames = {
  units: z.array(z.string().trim().min(1)).max(1000),
  rooms: z.array(z.string().trim().min(1)).max(200),
};

export const CHANNELS = ['chat', 'sheet', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DEFAULT_CHANNELS: Channel[] = ['chat', 'sheet'];

/** How members may answer, in order of preference: each at most once. */
const channels = z
  .array(z.enum(CHANNELS))
  .min(1, 'name at least one of chat, sheet, web')
  .max(CHANNELS.length)
  .refine((list) => new Set(list).size === list.length, 'name each channel once');

/** The schemas of a new round and of a change, reading times in `timeZone`. */
export function roundSchemas(timeZone: string) {
  const input = z
    .object({
      bank: z.string().min(1, '请选择题库（填写题库的 slug）'),
      title: z.string().trim().min(1, '不能为空').max(100, '不能超过100个字符'),
      startsAt: dateTime(timeZone),
      endsAt: dateTime(timeZone),
      questionCount: z.number().int('应为整数').min(1).max(100),
      secondsPerQuestion: z.number().int('应为整数').min(0).max(3600).default(60),
      attemptsAllowed: z.number().int('应为整数').min(1).max(100).default(1),
      scoreRule: z.enum(['best', 'last']).default('best'),
      showExplanations: z.boolean().default(true),
      audience: z.object({ units: audienceNames.units.default([]), rooms: audienceNames.rooms.default([]) }).default({ units: [], rooms: [] }),
      channels: channels.default(DEFAULT_CHANNELS),
      recurrence: recurrence.optional(),
    })
    .refine((r) => r.endsAt.getTime() > r.startsAt.getTime(), { message: '结束时间应晚于开始时间', path: ['endsAt'] });
  const patch = z.object({
    title: z.string().trim().min(1).max(100).optional(),
    startsAt: dateTime(timeZone).optional(),
    endsAt: dateTime(timeZone).optional(),
    questionCount: z.number().int().min(1).max(100).optional(),
    secondsPerQuestion: z.number().int().min(0).max(3600).optional(),
    attemptsAllowed: z.number().int().min(1).max(100).optional(),
    scoreRule: z.enum(['best', 'last']).optional(),
    showExplanations: z.boolean().optional(),
    audience: z.object({ units: audienceNames.units.optional(), rooms: audienceNames.rooms.optional() }).optional(),
    channels: channels.optional(),
    // null or an empty string ends the recurrence.
    recurrence: z.union([z.literal('').transform(() => null), recurrence]).nullable().optional(),
  });
  return { input, patch };
}

/** For the API documentation: the shape does not depend on the zone. */
export const { input: roundInput, patch: roundPatch } = roundSchemas('UTC');

export type RoundInput = z.output<typeof roundInput>;
export type RoundPatch = z.output<typeof roundPatch>;

export type SendRate = PacingOptions;

export interface Estimate {
  audience: number;
  messages: number;
  hoursAtConfiguredRate: number;
  windowHours: number;
  fits: boolean;
  answerSheet: { messages: number; hoursAtConfiguredRate: number; fits: boolean };
  /** The messages each of the round's channels needs if everyone answers through it. */
  perChannel: Partial<Record<Channel, { messages: number; hoursAtConfiguredRate: number; fits: boolean }>>;
  note: string;
}


/**
 * What a round costs in outbound messages: one-by-one in chat an attempt takes one message to
 * start and one per answer (feedback and the next question travel together); an answer sheet
 * takes two. Each audience room gets an announcement, a reminder and the results.
 */
export function estimateRound(
  input: { audience: number; rooms: number; questionCount: number; startsAt: Date; endsAt: Date; channels?: Channel[] },
  rate: SendRate,
): Estimate {
  const perHour = messagesPerHour(rate);
  const windowHours = (input.endsAt.getTime() - input.startsAt.getTime()) / 3_600_000;
  const roomMessages = input.rooms * 3;
  const chat = input.audience * (input.questionCount + 1) + roomMessages;
  const sheet = input.audience * 2 + roomMessages;
  const hours = (n: number) => Math.round((n / perHour) * 100) / 100;
  const fits = hours(chat) <= windowHours;
  // A personal web link is one message a member; the group link rides on the announcement.
  const web = input.audience + roomMessages;
  const costs: Record<Channel, number> = { chat, sheet, web };
  const perChannel = Object.fromEntries(
    (input.channels ?? DEFAULT_CHANNELS).map((c) => [c, { messages: costs[c], hoursAtConfiguredRate: hours(costs[c]), fits: hours(costs[c]) <= windowHours }]),
  );
  return {
    audience: input.audience,
    messages: chat,
    hoursAtConfiguredRate: hours(chat),
    windowHours: Math.round(windowHours * 100) / 100,
    fits,
    answerSheet: { messages: sheet, hoursAtConfiguredRate: hours(sheet), fits: hours(sheet) <= windowHours },
    perChannel,
    note: fits
      ? '按当前发送速度，全部对象都能在答题时间内逐题答完。'
      : hours(sheet) <= windowHours
        ? '逐题答题所需消息太多，答题时间内发不完：请改用答题卡方式答题，或延长答题时间，或增加机器人账号。'
        : '按当前发送速度，答题时间内无法覆盖全部对象：请延长答题时间或增加机器人账号。',
  };
}

/** The next occurrence of a recurring round, keeping its length. */
export function nextOccurrence(recurrence: string, after: Date, lengthMs: number, timeZone: string): { startsAt: Date; endsAt: Date } {
  const next = new CronTime(recurrence, timeZone).getNextDateFrom(after, timeZone).toJSDate();
  return { startsAt: next, endsAt: new Date(next.getTime() + lengthMs) };
}

/** One account's part of a round: the audience rooms it serves and the members it reaches in private chat. */
export interface AccountShare {
  account: string;
  rooms: number;
  members: number;
}

/**
 * Splits a round over the accounts: each room goes to the account that sends to it; which account
 * a member talks to is not recorded, so members are spread evenly (the remainder to the first accounts).
 */
export function shareByAccount(audience: number, accounts: string[], roomSenders: string[]): AccountShare[] {
  const names = [...new Set([...accounts, ...roomSenders])].sort();
  const each = Math.floor(audience / names.length);
  return names.map((account, i) => ({
    account,
    rooms: roomSenders.filter((a) => a === account).length,
    members: each + (i < audience % names.length ? 1 : 0),
  }));
}
