import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { MemberView } from '../members/members.service';
import { OutboundService } from '../outbound/outbound.service';
import { AttemptsService, type RoundRuntime } from './attempts.service';
import type { StoredAttempt } from './attempt-store';
import { formatTime, percent, rankingLine, ROUND_STATUS_LABELS, scoreText, timingText, webLinkText } from './chat-text';
import { WebLinksService } from '../web/web-links.service';
import {
  answerSlotOf,
  parseAnswerSheet,
  renderAnswerSheet,
  renderFeedback,
  renderQuestion,
  renderTimedOut,
  scoreResponse,
} from './engine';
import { LeaderboardService } from './leaderboard.service';
import { RaceService } from './race.service';
import { RecentClaims } from '../common/recent-claims';
import { compactText } from '../common/text';
import { unitsUnder } from '../members/audience';

const SHEET_RESEND_AFTER_MS = 60_000;
export const SHEET_JUST_SENT = '答题卡刚刚已发给您，请向上翻看聊天记录；如需重新发送，请一分钟后再发「继续答题」。';

/** The quiz as members meet it in chat: every method returns the texts to reply. */
@Injectable()
export class QuizChatService {
  private readonly sheetsSent = new RecentClaims(SHEET_RESEND_AFTER_MS);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AttemptsService) private readonly attempts: AttemptsService,
    @Inject(LeaderboardService) private readonly leaderboard: LeaderboardService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
    @Inject(RaceService) private readonly race: RaceService,
    @Inject(WebLinksService) private readonly links: WebLinksService,
  ) {}

  async start(member: MemberView, options: { mode: 'preferred' | 'chat' | 'sheet' }, now = new Date()): Promise<string[]> {
    const active = await this.attempts.active(member.id);
    if (active?.attempt.channel === 'web') return [await this.current(active.attempt, active.round, now)];
    if (active) {
      const current = await this.current(active.attempt, active.round, now);
      return current === SHEET_JUST_SENT ? [current] : [`您有未完成的答题「${active.round.title}」，接着答：`, current];
    }
    const open = await this.attempts.openRounds();
    if (!open.length) {
      const next = await this.attempts.nextScheduled();
      return [
        next
          ? `目前没有正在进行的答题。下一轮「${next.title}」将于 ${formatTime(next.startsAt, this.config.TIMEZONE)} 开始。`
          : '目前没有正在进行的答题活动，请留意群里的通知。',
      ];
    }
    const eligible: RoundRuntime[] = [];
    for (const round of open) if (await this.attempts.mayTake(member, round)) eligible.push(round);
    if (!eligible.length) {
      return [
        member.unitId === null
          ? await this.bindFirstText()
          : `本轮答题面向指定单位，您所在的「${member.unit}」不在范围内。如有疑问请联系组织者。`,
      ];
    }
    let lastDone: { round: RoundRuntime; used: number } | undefined;
    for (const round of eligible) {
      const used = await this.attempts.attemptsUsed(member.id, round.id);
      if (used >= round.attemptsAllowed) {
        lastDone = { round, used };
        continue;
      }
      const channel = this.channelFor(round, options.mode);
      const link = channel === 'web' ? this.links.personalLink(member.id, round) : undefined;
      if (link) return [webLinkText(round, link, false)];
      const attempt = await this.attempts.start(member, round, channel, now);
      if (attempt.finishedAt) {
        // Started and finished elsewhere in the same instant (another device of the member).
        lastDone = { round, used: used + 1 };
        continue;
      }
      const intro = `「${round.title}」开始！${timingText(round)}${channel === 'chat' ? '，直接回复答案即可。' : '。'}`;
      if (channel === 'sheet') return [await this.current(attempt, round, now)];
      return [`${intro}\n\n${await this.current(attempt, round)}`];
    }
    const place = lastDone && (await this.leaderboard.placeOf(lastDone.round.id, member.id));
    return [
      `您已完成「${lastDone!.round.title}」（每人可答${lastDone!.round.attemptsAllowed}次）` +
        (place ? `，成绩 ${place.score}/${place.maxScore} 分，排第 ${place.rank}/${place.of} 名。` : '。') +
        '发送「排行」查看排行榜。',
    ];
  }

  /**
   * How a member answers a round: its first channel unless they asked for a way it also allows;
   * the web needs a link, so without PUBLIC_URL a web round is answered in chat.
   */
  private channelFor(round: RoundRuntime, mode: 'preferred' | 'chat' | 'sheet'): 'chat' | 'sheet' | 'web' {
    const allowed = round.channels.filter((c) => c !== 'web' || this.links.enabled);
    if (mode !== 'preferred' && allowed.includes(mode)) return mode;
    const first = allowed[0];
    return first === 'web' || first === 'sheet' ? first : 'chat';
  }

  /** The units a member may bind to: those the open rounds are for (and below them) first. */
  async bindableUnits(): Promise<string[]> {
    const [units, open] = await Promise.all([this.attempts.units(), this.attempts.openRounds()]);
    const audience = new Set(open.flatMap((round) => round.audienceUnits));
    const audienceIds = unitsUnder(units.filter((u) => audience.has(u.name)).map((u) => u.id), units);
    const first = units.filter((u) => audienceIds.has(u.id));
    return [...first, ...units.filter((u) => !audienceIds.has(u.id))].map((u) => u.name);
  }

  private async bindFirstText(): Promise<string> {
    const [example] = await this.bindableUnits();
    return example
      ? `参加答题前请先绑定单位：发送「绑定 单位全称」，例如「绑定 ${example}」；发送「单位列表」查看可以绑定的单位。`
      : '参加答题前请先绑定单位，但还没有登记任何单位，请联系组织者添加。';
  }

  async resume(member: MemberView, now = new Date()): Promise<string[]> {
    const active = await this.attempts.active(member.id);
    if (!active) return ['您没有未完成的答题。发送「答题」开始新的答题。'];
    return [await this.current(active.attempt, active.round, now)];
  }

  /** A member's text while they have an attempt running; null when they have none. */
  async answer(member: MemberView, text: string, messageId: string, now = new Date()): Promise<string[] | null> {
    for (let tries = 0; tries < 2; tries++) {
      const active = await this.attempts.active(member.id);
      if (!active) return null;
      const { attempt, round } = active;
      // Web answers come from the page; a text here is something else (a question, a command).
      if (attempt.channel === 'web') return null;
      if (attempt.channel === 'sheet') {
        const reply = await this.answerSheet(attempt, round, text, messageId, now);
        if (reply) return reply;
        continue;
      }
      const result = await this.attempts.apply(attempt, round, { kind: 'answer', text, now, messageId });
      if (result === 'moved-on') continue;
      const { transition, attempt: updated } = result;
      if (transition.kind === 'not-an-answer') return [`${transition.hint}\n\n${await this.current(attempt, round)}`];
      if (transition.kind === 'scored' || transition.kind === 'timed-out') {
        const question = (await this.attempts.questionAt(attempt, round, transition.position))!;
        const feedback =
          transition.kind === 'scored'
            ? renderFeedback(transition.correct, question.question, question.drawn, round.showExplanations)
            : renderTimedOut(question.question, question.drawn, round.showExplanations);
        const next = updated.finishedAt ? await this.finishText(updated, round) : await this.current(updated, round);
        return [`${feedback}\n\n${next}`];
      }
      return null;
    }
    return ['答题状态刚刚更新，请发送「继续答题」查看当前题目。'];
  }

  /** Moves timed-out chat attempts on; returns what to send to whom. */
  async expireDue(now = new Date()): Promise<Array<{ wechatId: string; text: string }>> {
    const due = await this.attempts.store.expired(now);
    if (!due.length) return [];
    const rounds = await this.attempts.openRounds(now.getTime() + 10_000);
    const out: Array<{ wechatId: string; text: string }> = [];
    const recipients = await this.attempts.wechatIds(due.map((d) => d.memberId));
    for (const attempt of due) {
      const round = rounds.find((r) => r.id === attempt.roundId);
      const wechatId = recipients.get(attempt.memberId);
      if (!round) continue;
      const result = await this.attempts.apply(attempt, round, { kind: 'tick', now });
      if (result === 'moved-on' || result.transition.kind !== 'timed-out' || !wechatId) continue;
      const question = (await this.attempts.questionAt(attempt, round, result.transition.position))!;
      const next = result.attempt.finishedAt ? await this.finishText(result.attempt, round) : await this.current(result.attempt, round);
      out.push({ wechatId, text: `${renderTimedOut(question.question, question.drawn, round.showExplanations)}\n\n${next}` });
    }
    return out;
  }

  async scores(member: MemberView): Promise<string[]> {
    const rounds = await this.leaderboard.roundsOf(member.id);
    if (!rounds.length) return ['您还没有参加过答题。发送「答题」参加正在进行的答题。'];
    const lines = rounds.map((r) => {
      const status = r.counted === null ? '未完成' : `${r.counted}/${r.maxScore}分`;
      return `「${r.title}」${status}（答题${r.attempts}次${r.unfinished ? '，有未完成' : ''}）`;
    });
    return [['我的成绩：', ...lines].join('\n')];
  }

  async ranking(member: MemberView): Promise<string[]> {
    const roundId = await this.attempts.currentOrLastRoundId();
    if (!roundId) return ['目前还没有答题排行。'];
    const round = (await this.attempts.roundById(roundId))!;
    const top = await this.leaderboard.top(roundId, 10);
    if (!top.length) return [`「${round.title}」还没有人完成答题。`];
    const lines = [`「${round.title}」排行榜：`, ...top.map((t, i) => rankingLine(i + 1, t, this.config.RANKING_FULL_NAMES))];
    const place = await this.leaderboard.placeOf(roundId, member.id);
    lines.push(place ? `您排第 ${place.rank}/${place.of} 名，${place.score}分。` : '您还没有完成本轮答题。');
    const unit = member.unit && (await this.leaderboard.unitPlace(roundId, member.unit));
    if (unit) {
      const u = unit.row;
      lines.push(`「${u.unit}」参与率 ${percent(u.participationRate)}，平均分 ${scoreText(u.meanScore)}，在 ${unit.of} 个单位中排第 ${unit.rank}。`);
    }
    return [lines.join('\n')];
  }

  async announce(text: string, roomId?: string): Promise<string[]> {
    if (roomId) return [`【通知】${text}`];
    const rooms = await this.attempts.audienceRooms();
    if (!rooms.length) return ['没有可发送公告的群：请在群里 @我 发送「公告 内容」，或为答题轮次设置群聊范围。'];
    await this.outbound.enqueue(rooms.map((topic) => ({ target: { kind: 'room-topic' as const, id: topic }, body: `【通知】${text}` })));
    return [`公告已排队发送到 ${rooms.length} 个群：${rooms.join('、')}`];
  }

  startRace(roomId: string, questions: number): Promise<string[]> {
    return this.race.start(roomId, questions);
  }

  raceActive(roomId: string): boolean {
    return this.race.active(roomId);
  }

  raceAnswer(roomId: string, member: MemberView, text: string): Promise<string[] | null> {
    return this.race.answer(roomId, member, text);
  }

  /** The admin summary of the open (or latest) round, overall or for one unit and those below it. */
  async statsLines(unitName?: string): Promise<string[]> {
    const roundId = await this.attempts.currentOrLastRoundId();
    if (!roundId) return ['还没有答题轮次。'];
    const round = (await this.attempts.roundById(roundId))!;
    const units = await this.leaderboard.unitReport(roundId);
    const heading = `「${round.title}」（${ROUND_STATUS_LABELS[round.status] ?? round.status}）`;
    if (unitName) {
      const wanted = compactText(unitName);
      const unit = units.find((u) => compactText(u.unit) === wanted);
      if (!unit) return [`${heading}：没有找到单位「${unitName}」的答题数据，请核对单位全称（发送「单位列表」可查看）。`];
      const t = unit.subtree;
      const rate = t.participationRate === null ? '' : `，参与率 ${percent(t.participationRate)}`;
      return [`${heading}「${unit.unit}」（含下级单位）：参与 ${t.participants} 人（应参与 ${t.headcount} 人${rate}）、${t.attempts} 人次，平均分 ${scoreText(t.meanScore)}。`];
    }
    const participants = units.reduce((s, u) => s + u.participants, 0);
    const attempts = units.reduce((s, u) => s + u.attempts, 0);
    const rated = units.filter((u) => u.headcount > 0 && u.participationRate !== null);
    const lines = [`${heading}：参与 ${participants} 人、${attempts} 人次。`];
    if (rated.length) {
      const top = [...rated].sort((a, b) => b.participationRate! - a.participationRate!).slice(0, 3);
      lines.push(`参与率领先：${top.map((u) => `${u.unit} ${percent(u.participationRate)}`).join('、')}。`);
    }
    return lines;
  }

  private async current(attempt: StoredAttempt, round: RoundRuntime, now = new Date()): Promise<string> {
    if (attempt.channel === 'web') {
      const link = this.links.personalLink(attempt.memberId, round);
      return link ? webLinkText(round, link, true) : '网页答题暂不可用，请联系组织者。';
    }
    if (attempt.channel === 'sheet') {
      // A whole sheet is long: asked for again within a minute, it is not sent again.
      if (!this.sheetsSent.claim(attempt.id, now.getTime())) return SHEET_JUST_SENT;
      return this.sheetText(attempt, round);
    }
    const current = await this.attempts.questionAt(attempt, round);
    if (!current) return '题目已更新，请发送「答题」重新开始。';
    return renderQuestion(current.question, current.drawn, attempt.position, attempt.draw.length, round.secondsPerQuestion);
  }

  /** Every drawn question of an attempt, with the option order its member sees. */
  private async drawnItems(attempt: StoredAttempt, round: RoundRuntime) {
    const items = [];
    for (let i = 0; i < attempt.draw.length; i++) items.push((await this.attempts.questionAt(attempt, round, i))!);
    return items;
  }

  private async sheetText(attempt: StoredAttempt, round: RoundRuntime): Promise<string> {
    return renderAnswerSheet(await this.drawnItems(attempt, round), round.title);
  }

  private async answerSheet(attempt: StoredAttempt, round: RoundRuntime, text: string, messageId: string, now: Date): Promise<string[] | null> {
    const items = await this.drawnItems(attempt, round);
    const parsed = parseAnswerSheet(text, items.map((it) => answerSlotOf(it.question)));
    if (!parsed.ok) return [`${parsed.error}。请在一条消息里按格式回复全部答案，例如 1A 2C 3B；发送「继续答题」可再看一遍题目。`];
    const answers = items.map((it, position) => {
      const scored = scoreResponse(it.question, it.drawn, parsed.responses[position]);
      return { position, questionId: it.drawn.questionId, response: scored.response, correct: scored.correct, points: scored.points, messageId: position === 0 ? messageId : null };
    });
    const finished = await this.attempts.submitSheet(attempt, answers, now);
    if (finished === 'moved-on') return null;
    const wrong = answers.filter((a) => !a.correct).map((a) => a.position + 1);
    const detail = wrong.length ? `答错的题：第${wrong.join('、')}题。` : '全部答对！';
    return [`${detail}\n${await this.finishText(finished, round)}`];
  }

  private async finishText(attempt: StoredAttempt, round: RoundRuntime): Promise<string> {
    // A member's only result may be newer than the ranking read a moment ago (see placeInHistogram).
    const first = round.attemptsAllowed === 1 || (await this.attempts.attemptsUsed(attempt.memberId, round.id)) === 1;
    const place = await this.leaderboard.rankForScore(round.id, round.scoreRule, attempt.score, first ? (attempt.finishedAt ?? undefined) : undefined);
    return [
      `🎉 答题完成！得分 ${attempt.score}/${attempt.maxScore}，答对 ${attempt.correctCount}/${attempt.draw.length} 题。`,
      `按本次得分，目前在本轮排第 ${place.rank}/${place.of} 名。发送「排行」查看排行榜和单位排名。`,
    ].join('\n');
  }
}
