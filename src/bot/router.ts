import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PrismaService } from '../db/prisma.service';
import { inScriptOf } from '../common/text';
import { KnowledgeService } from '../knowledge/knowledge.service';
import { MembersService, RosterPlacedError, type MemberView } from '../members/members.service';
import { UnitsService } from '../members/units.service';
import { QuizChatService } from '../quiz/quiz-chat.service';
import type { OutboundTarget } from '../outbound/sender';
import { ADMIN_COMMANDS, parseCommand, type Command } from './commands';
import { ConversationMemory } from './conversation-memory';
import { FloodGuard } from './flood-guard';
import { KeyedSerial } from './keyed-serial';
import { GroupCommit } from '../db/group-commit';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { InboundChat, Reply } from './inbound';
import { ADMIN_ONLY, FLOOD_NOTICE, helpText, NON_TEXT_REPLY, notFoundText, QUIZ_IN_PRIVATE_ONLY, rosterPlacedText, suggestionText, unitListText } from './replies';

/**
 * The only place that knows the commands: every message the bot receives comes through here
 * and leaves as replies for the outbound queue.
 */
@Injectable()
export class MessageRouter {
  private readonly logger = new Logger('Router');
  private readonly flood: FloodGuard;
  private readonly memory = new ConversationMemory();
  private readonly admins: Set<string>;
  private readonly perMember = new KeyedSerial();
  private readonly deliveries = new GroupCommit<string, boolean>((ids) => this.recordDeliveries(ids));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(KnowledgeService) private readonly knowledge: KnowledgeService,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(QuizChatService) private readonly quiz: QuizChatService,
  ) {
    this.flood = new FloodGuard(config.FLOOD_MAX_PER_MINUTE);
    this.admins = new Set(config.BOT_ADMINS);
    setInterval(() => this.flood.sweep(Date.now()), 60_000).unref();
  }

  /** A member's messages are handled in the order they arrived, one at a time. */
  route(chat: InboundChat): Promise<Reply[]> {
    return this.perMember.run(chat.talker.id, () => this.routeNow(chat));
  }

  private async routeNow(chat: InboundChat): Promise<Reply[]> {
    const inRoom = Boolean(chat.room);
    const raceText = inRoom && !chat.mentioned && chat.kind === 'text' && this.quiz.raceActive(chat.room!.id);
    if (inRoom && !chat.mentioned && !raceText) return [];
    const replay = chat.deliveryClaimed;
    chat.deliveryClaimed = true;
    if (!(await this.firstDelivery(chat.messageId)) && !replay) return [];

    const verdict = this.flood.check(chat.talker.id, Date.now());
    if (verdict === 'drop') return [];
    const target: OutboundTarget = chat.room ? { kind: 'room', id: chat.room.id } : { kind: 'contact', id: chat.talker.id };
    const reply = (texts: string[]): Reply[] =>
      texts.filter(Boolean).map((text) => ({ target, body: this.address(chat, inScriptOf(chat.text, text)) }));
    if (verdict === 'notify') return reply([FLOOD_NOTICE]);

    if (chat.kind !== 'text') return reply([NON_TEXT_REPLY]);
    if (raceText) {
      const member = await this.members.ensure(chat.talker.id, chat.talker.name);
      const raced = await this.quiz.raceAnswer(chat.room!.id, member, chat.text);
      return raced ? reply(raced) : [];
    }
    if (!chat.text) return reply([helpText(this.config.BOT_NAME)]);

    try {
      const member = await this.members.ensure(chat.talker.id, chat.talker.name);
      return reply(await this.handle(parseCommand(chat.text), chat, member));
    } catch (err) {
      // Answered later, once the database is back (the caller holds the message).
      if (isDatabaseUnavailable(err)) throw err;
      this.logger.error(`message ${chat.messageId} failed: ${(err as Error).stack ?? err}`);
      return reply(['抱歉，处理您的消息时出了点问题，请稍后再试。']);
    }
  }

  private async handle(command: Command, chat: InboundChat, member: MemberView): Promise<string[]> {
    if (ADMIN_COMMANDS.has(command.name) && !this.admins.has(chat.talker.id)) return [ADMIN_ONLY];
    const memberKey = chat.talker.id;
    switch (command.name) {
      case 'help':
        return [helpText(this.config.BOT_NAME)];
      case 'bind':
        return [await this.bind(member, command.unit)];
      case 'list-units':
        return [unitListText(await this.quiz.bindableUnits())];
      case 'unbind':
        if (member.placedByRoster) return [rosterPlacedText(member.unit)];
        return [(await this.members.unbind(member.wechatId!)) ? `已解除与「${member.unit}」的绑定。` : '您还没有绑定单位。'];
      case 'start-quiz':
        if (chat.room) return [QUIZ_IN_PRIVATE_ONLY];
        return this.quiz.start(member, { mode: command.mode });
      case 'continue-quiz':
        if (chat.room) return [QUIZ_IN_PRIVATE_ONLY];
        return this.quiz.resume(member);
      case 'scores':
        return this.quiz.scores(member);
      case 'ranking':
        return this.quiz.ranking(member);
      case 'admin-stats':
        return [command.unit ? (await this.quiz.statsLines(command.unit)).join('\n') : await this.statsSummary()];
      case 'admin-reload': {
        const { loaded, refused } = await this.knowledge.reloadOrRefuse();
        if (!loaded) return [refused];
        return [`知识库已重新加载：共${loaded.entries}条，新增${loaded.created}条，更新${loaded.updated}条，保留组织者修改${loaded.kept}条。`];
      }
      case 'admin-announce':
        return this.quiz.announce(command.text, chat.room?.id);
      case 'admin-race':
        if (!chat.room) return ['抢答需要在群里发起：在群里 @我 并发送「抢答」。'];
        return this.quiz.startRace(chat.room.id, command.questions);
      default:
        break;
    }

    // Plain text: a quiz answer first (in private chat only: a group would see the answers), then
    // a pending choice, then a question.
    const quizReply = chat.room ? null : await this.quiz.answer(member, chat.text, chat.messageId);
    if (quizReply) return quizReply;

    const context = this.memory.get(memberKey);
    if (context.pendingBind) {
      const picked =
        command.name === 'confirm' && context.pendingBind.unitIds.length === 1
          ? 0
          : command.name === 'pick'
            ? command.number - 1
            : -1;
      if (command.name === 'cancel') {
        this.memory.set(memberKey, { ...context, pendingBind: undefined });
        return ['好的，已取消绑定。可以发送「绑定 单位全称」重新绑定。'];
      }
      if (picked >= 0 && picked < context.pendingBind.unitIds.length) {
        this.memory.set(memberKey, { ...context, pendingBind: undefined });
        try {
          const bound = await this.members.bind(member.wechatId!, member.name, context.pendingBind.unitIds[picked]);
          return [`已绑定到「${bound.unit}」。`];
        } catch (err) {
          if (err instanceof RosterPlacedError) return [rosterPlacedText(err.unit)];
          throw err;
        }
      }
    }
    if (command.name === 'pick' && context.suggestions) {
      const entryId = context.suggestions.entryIds[command.number - 1];
      const answer = entryId && this.knowledge.answerOf(entryId, context.suggestions.sample);
      if (answer) {
        this.memory.set(memberKey, { ...context, suggestions: undefined });
        return [answer];
      }
    }

    const result = await this.knowledge.ask(chat.text.slice(0, 500), { wechatId: member.wechatId ?? undefined, unit: member.unit });
    if (result.answered && result.answer) return [result.answer];
    if (result.suggestions.length) {
      this.memory.set(memberKey, { ...context, suggestions: { entryIds: result.suggestions.map((s) => s.entryId), sample: chat.text } });
      return [suggestionText(result.suggestions.map((s) => s.question))];
    }
    return [notFoundText()];
  }

  private async bind(member: MemberView, unitText: string): Promise<string> {
    const match = await this.units.match(unitText);
    if (member.placedByRoster) {
      return match.kind === 'exact' && match.unit.id === member.unitId ? `您已绑定到「${member.unit}」。` : rosterPlacedText(member.unit);
    }
    if (match.kind === 'exact') {
      const bound = await this.members.bind(member.wechatId!, member.name, match.unit.id);
      this.memory.set(member.wechatId!, { ...this.memory.get(member.wechatId!), pendingBind: undefined });
      return `已绑定到「${bound.unit}」。`;
    }
    if (match.kind === 'fuzzy') {
      const names = match.candidates.map((c) => c.name);
      this.memory.set(member.wechatId!, {
        ...this.memory.get(member.wechatId!),
        pendingBind: { unitIds: match.candidates.map((c) => c.id), names },
      });
      return names.length === 1
        ? `您是指「${names[0]}」吗？回复「是」确认绑定，回复「取消」放弃。`
        : ['您是指以下哪个单位？请回复序号：', ...names.map((n, i) => `${i + 1}. ${n}`)].join('\n');
    }
    return `没有找到名为「${unitText}」的单位。请发送「单位列表」查看可以绑定的单位，核对全称后再发「绑定 单位全称」；没有您的单位请联系组织者添加。`;
  }

  private async statsSummary(): Promise<string> {
    const [members, bound, units, unanswered] = await Promise.all([
      this.prisma.member.count({ where: { wechatId: { not: null } } }),
      this.prisma.member.count({ where: { wechatId: { not: null }, unitId: { not: null } } }),
      this.prisma.unit.count(),
      this.prisma.unansweredQuestion.count({ where: { resolvedAt: null } }),
    ]);
    const lines = [
      `单位 ${units} 个；微信成员 ${members} 人，已绑定单位 ${bound} 人。`,
      `知识库 ${this.knowledge.size} 条，待处理未答问题 ${unanswered} 个。`,
    ];
    return [...lines, ...(await this.quiz.statsLines())].join('\n');
  }

  /** Records the message id; false when it was seen before (a duplicate delivery). */
  private firstDelivery(messageId: string): Promise<boolean> {
    return this.deliveries.submit(messageId);
  }

  private async recordDeliveries(ids: string[]): Promise<boolean[]> {
    const rows = await this.prisma.sql.query<{ id: string }>(
      'INSERT INTO inbound_message (id) SELECT DISTINCT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING id',
      [ids],
    );
    const fresh = new Set(rows.map((r) => r.id));
    return ids.map((id) => fresh.delete(id));
  }

  private address(chat: InboundChat, body: string): string {
    return chat.room ? `@${chat.talker.name}\u2005${body}` : body;
  }
}
