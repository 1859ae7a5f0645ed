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
  Sse,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { z } from 'zod';
import { Public } from '../auth/auth.guard';
import { openApiSchema, parseInput } from '../common/validation';
import { APP_CONFIG, botModeOf, type AppConfig } from '../config/config';
import { OutboundService } from '../outbound/outbound.service';
import { LocalWechat } from './local-wechat';

const personBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(30) });
const roomBody = z.object({
  topic: z.string().trim().min(1, 'must not be empty').max(50),
  memberIds: z.array(z.string()).max(500).default([]),
});
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
  send(@Body() body: unknown) {
    this.requireLocal();
    const input = parseInput(messageBody, body ?? {});
    if (!input.image && !input.text?.trim()) throw new BadRequestException('text: must not be empty');
    try {
      this.local.say(input.from, { roomId: input.roomId }, input.image ? { image: true } : input.text!, input.mention);
    } catch (err) {
      throw new BadRequestException((err as Error).message);
    }
    return { sent: true };
  }

  @Sse('events')
  @ApiOperation({ summary: 'Server-sent events: every message the bot sends' })
  events(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) =>
      this.outbound.onSent(({ target, body }) =>
        subscriber.next({ data: { target, body, at: new Date().toISOString() } }),
      ),
    );
  }

  private requireLocal(): void {
    if (!this.local.active) {
      throw new ConflictException('the chat console works in local mode only (no WECHATY_PUPPET_SERVICE_TOKEN), once the bot has started');
    }
  }
}
