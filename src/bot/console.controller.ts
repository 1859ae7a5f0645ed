import {
  BadRequestException,
  Body,
  type CanActivate,
  ConflictException,
  Controller,
  Get,
  Inject,
  Injectable,
  MessageEvent,
  NotFoundException,
  Post,
  Query,
  Sse,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { APP_CONFIG, botModeOf, type AppConfig } from '../config/config';
import { OutboundService } from '../outbound/outbound.service';
import type { OutboundTarget } from '../outbound/sender';
import { ConsoleStore, HISTORY_LIMIT } from './console-store';
import { LocalWechat } from './local-wechat';

const personBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(30) });
const roomBody = z.object({
  topic: z.string().trim().min(1, 'must not be empty').max(50),
  memberIds: z.array(z.string()).max(500).default([]),
});
const typedMessageId = (id: string) => `typed-${id}`;

const historyQuery = z.union([
  z.object({ roomId: z.string().min(1).max(100) }),
  z.object({ personId: z.string().min(1).max(100) }),
]);
const messageBody = z.object({
  from: z.string().min(1),
  roomId: z.string().min(1).optional(),
  text: z.string().max(2000).optional(),
  image: z.boolean().optional(),
  mention: z.boolean().default(false),
});

/** The console exists only in local mode: with a real account it would leak members' chats. */
@Injectable()
export class LocalModeOnly implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (botModeOf(this.config) !== 'local') throw new NotFoundException();
    return true;
  }
}

/**
 * The chat console of local mode: a person plays members in groups against the bot. It talks to
 * the in-process mock WeChat only, so in local mode it is a public demo; with a real account it does
 * not exist.
 */
@ApiTags('chat console (local mode)')
@Controller('api/console')
@Public()
@UseGuards(LocalModeOnly)
export class ConsoleController {
  constructor(
    @Inject(LocalWechat) private readonly local: LocalWechat,
    @Inject(OutboundService) private readonly outbound: OutboundService,
    @Inject(ConsoleStore) private readonly store: ConsoleStore,
  ) {}

  @Get('state')
  @ApiOperation({ summary: 'The people and groups of the local WeChat' })
  state() {
    this.requireLocal();
    return { botId: this.local.botId, people: this.local.listPeople(), rooms: this.local.listRooms() };
  }

  @Post('people')
  @ApiBody({ schema: openApiSchema(personBody) })
  addPerson(@Body() body: unknown) {
    this.requireLocal();
    return this.local.addPerson(parseInput(personBody, body ?? {}).name);
  }

  @Post('rooms')
  @ApiBody({ schema: openApiSchema(roomBody) })
  addRoom(@Body() body: unknown) {
    this.requireLocal();
    const input = parseInput(roomBody, body ?? {});
    return this.local.addRoom(input.topic, input.memberIds);
  }

  @Post('messages')
  @ApiOperation({ summary: 'A person sends a message to the bot, privately or in a group' })
  @ApiBody({ schema: openApiSchema(messageBody) })
  async send(@Body() body: unknown) {
    this.requireLocal();
    const input = parseInput(messageBody, body ?? {});
    if (!input.image && !input.text?.trim()) throw new BadRequestException('text: must not be empty');
    let typedId: string;
    try {
      typedId = await this.local.say(input.from, { roomId: input.roomId }, input.image ? { image: true } : input.text!, input.mention);
    } catch (err) {
      throw new BadRequestException((err as Error).message);
    }
    // The id the message has in `history`, so that the page shows it once however the two cross.
    return { sent: true, id: typedMessageId(typedId) };
  }

  @Get('history')
  @ApiOperation({ summary: 'A conversation as stored: what was typed in the console and what the bot sent into it' })
  @ApiQuery({ name: 'roomId', required: false, description: 'a group; or personId for the private chat' })
  @ApiQuery({ name: 'personId', required: false })
  async history(@Query() query: unknown) {
    this.requireLocal();
    const input = parseInput(historyQuery, query ?? {}, 'query');
    const names = new Map(this.local.listPeople().map((p) => [p.id, p.name]));
    let targets: OutboundTarget[];
    if ('roomId' in input) {
      const topic = this.local.topicOf(input.roomId);
      targets = [{ kind: 'room', id: input.roomId }, ...(topic ? [{ kind: 'room-topic' as const, id: topic }] : [])];
    } else {
      targets = [{ kind: 'contact', id: input.personId }];
    }
    const [typed, sent] = await Promise.all([this.store.typedIn(input), this.outbound.sentTo(targets, HISTORY_LIMIT)]);
    const messages = [
      ...typed.map((m) => ({ id: typedMessageId(m.id), mine: true, personId: m.personId, who: names.get(m.personId) ?? m.personId, text: m.text, at: m.at })),
      ...sent.map((m) => ({ id: `sent-${m.id}`, mine: false, who: '机器人', text: m.body, at: m.at })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { messages: messages.slice(-HISTORY_LIMIT) };
  }

  @Sse('events')
  @ApiOperation({ summary: 'Server-sent events: every message the bot sends' })
  events(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) =>
      this.outbound.onSent(({ id, target, body }) =>
        subscriber.next({ data: { id: `sent-${id}`, conversation: this.conversationOf(target), body, at: new Date().toISOString() } }),
      ),
    );
  }

  /** The page's key of the conversation a message went to; an announcement names its group by topic. */
  private conversationOf(target: OutboundTarget): string {
    if (target.kind === 'contact') return `contact:${target.id}`;
    const roomId = target.kind === 'room' ? target.id : this.local.roomIdByTopic(target.id);
    return `room:${roomId ?? target.id}`;
  }

  private requireLocal(): void {
    if (!this.local.active) {
      throw new ConflictException('the chat console works in local mode only (no WECHATY_PUPPET_SERVICE_TOKEN), once the bot has started');
    }
  }
}
