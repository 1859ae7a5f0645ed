import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import qrcodeTerminal from 'qrcode-terminal';
import { WechatyBuilder, type Message, type Wechaty } from 'wechaty';
import { PuppetService } from 'wechaty-puppet-service';
import { APP_CONFIG, botModeOf, type AppConfig } from '../config/config';
import { StatusService } from '../health/status.service';
import { OutboundService } from '../outbound/outbound.service';
import { ACCOUNT_HEARTBEAT_MS, RoomsService } from '../rooms/rooms.service';
import { InboundHandler } from './inbound-handler';
import { LocalWechat } from './local-wechat';
import { syncRooms } from './room-sync';
import { toInbound, WechatySender } from './wechaty-adapter';

const MAX_BACKOFF_MS = 60_000;
/**
 * The puppet's own watchdog would reset the puppet in place: it stops and restarts while its
 * payload cache is still closing, and reopening that cache can fail with an unhandled error. The
 * service watches the link itself instead and rebuilds the connection from scratch.
 */
const PUPPET_SELF_RESET_SECONDS = 24 * 3600;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Owns the WeChat connection: a puppet service (a real account) or, without a token, the
 * in-process mock WeChat that the chat console drives. Never lets a connection problem end
 * the service: it reports the state and reconnects with backoff.
 */
@Injectable()
export class BotService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Bot');
  private bot?: Wechaty;
  private loggedIn = false;
  private stopping = false;
  private retryTimer?: NodeJS.Timeout;
  private recoveryTimer?: NodeJS.Timeout;
  private watchdogTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private attempt = 0;
  private readonly startedAt = new Date();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(StatusService) private readonly status: StatusService,
    @Inject(OutboundService) private readonly outbound: OutboundService,
    @Inject(InboundHandler) private readonly inbound: InboundHandler,
    @Inject(LocalWechat) private readonly local: LocalWechat,
    @Inject(RoomsService) private readonly rooms: RoomsService,
  ) {}

  get mode(): 'local' | 'puppet-service' {
    return botModeOf(this.config) === 'puppet-service' ? 'puppet-service' : 'local';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.BOT_ENABLED) {
      this.status.setBot({ state: 'disabled', mode: 'none' });
      return;
    }
    this.status.setBot({ state: 'starting', mode: this.mode });
    if (this.mode === 'puppet-service') {
      this.logger.log(
        'connecting to the puppet service; a token serves one process only: a second process with the same token takes the account over',
      );
    } else {
      this.logger.log('no WECHATY_PUPPET_SERVICE_TOKEN: local mode with an in-process mock WeChat; try it at /console');
    }
    // Starting must not hold up the HTTP service: a puppet service may be unreachable for a while.
    void this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.recoveryTimer);
    clearTimeout(this.watchdogTimer);
    clearInterval(this.heartbeatTimer);
    if (this.config.BOT_ENABLED) await this.recordConnection('disconnected');
    await this.teardown();
    this.status.setBot({ state: 'stopped' });
  }

  private async connect(): Promise<void> {
    if (this.stopping) return;
    this.attempt++;
    const bot = this.build();
    this.bot = bot;
    try {
      await bot.start();
      this.attempt = 0;
      if (this.mode === 'puppet-service') this.feedWatchdog(bot);
      if (!this.loggedIn && this.status.botStatus().state !== 'waiting-for-scan') {
        this.status.setBot({ state: 'logged-out', detail: 'connected, waiting for the account to log in' });
      }
      if (this.mode === 'local') await this.local.attach(bot, this.config.BOT_NAME);
    } catch (err) {
      this.logger.warn(`could not start the WeChat connection: ${(err as Error).message}`);
      await this.teardown();
      this.scheduleReconnect();
    }
  }

  private build(): Wechaty {
    const puppet =
      this.mode === 'puppet-service'
        ? new PuppetService({
            token: this.config.WECHATY_PUPPET_SERVICE_TOKEN,
            endpoint: this.config.WECHATY_PUPPET_SERVICE_ENDPOINT,
            timeoutSeconds: PUPPET_SELF_RESET_SECONDS,
            tls: { disable: this.config.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT },
          })
        : this.local.createPuppet();
    const bot = WechatyBuilder.build({ puppet: puppet as any });
    // A puppet service sends heartbeats while idle and an event for everything else: either shows the link is alive.
    if (puppet instanceof PuppetService) puppet.on('heartbeat', () => this.feedWatchdog(bot));
    bot.on('scan', (qrcode, status) => {
      this.status.setBot({ state: 'waiting-for-scan', qrcode, detail: `scan status ${status}` });
      if (qrcode) {
        this.logger.log('scan this QR code with WeChat to log in (also shown at /login):');
        qrcodeTerminal.generate(qrcode, { small: true }, (art: string) => process.stdout.write(`${art}\n`));
      }
    });
    bot.on('login', (user) => {
      if (bot !== this.bot) return;
      this.loggedIn = true;
      clearTimeout(this.recoveryTimer);
      this.recoveryTimer = undefined;
      this.status.setBot({ state: 'logged-in', user: user.name(), detail: undefined });
      this.logger.log(`logged in as ${user.name()}`);
      this.outbound.attachSender(new WechatySender(bot, () => this.loggedIn && bot.isLoggedIn));
      // Other instances route shared rooms to accounts heard from lately; a killed process simply stops beating.
      this.heartbeatTimer ??= setInterval(() => this.loggedIn && void this.recordConnection('connected'), ACCOUNT_HEARTBEAT_MS).unref();
    });
    bot.on('logout', (user, reason) => {
      // A connection being replaced says "logged out" as it stops: the account is not.
      if (bot !== this.bot) return;
      this.loggedIn = false;
      if (this.recoveryTimer && !this.stopping) {
        this.status.setBot({ state: 'reconnecting', detail: `the connection is being reset${reason ? ` (${reason})` : ''}` });
        return;
      }
      this.status.setBot({ state: this.stopping ? 'stopped' : 'logged-out', detail: reason });
      if (this.stopping) return;
      void this.recordConnection('disconnected');
      this.logger.warn(
        `logged out (${user?.name() ?? ''}${reason ? `: ${reason}` : ''}); if another process uses the same puppet token, stop it`,
      );
    });
    bot.on('error', (err) => {
      if (bot !== this.bot) return;
      const message = (err as Error)?.message ?? String(err);
      // After a member joins a group, Wechaty refreshes the group's member list by looking the
      // group's id up as a contact, which the mock WeChat cannot find: harmless, and nothing to report.
      if (this.mode === 'local' && /^no payload found for id \S+@chatroom$/.test(message)) return;
      this.logger.warn(`WeChat connection error: ${message}`);
      if (/timeout|heartbeat|UNAVAILABLE|CANCELLED|ECONNREFUSED|stream/i.test(message) && !this.stopping) {
        this.loggedIn = false;
        this.status.setBot({ state: 'reconnecting', detail: message });
        this.watchRecovery();
      }
    });
    bot.on('message', (message) => void this.onMessage(message));
    syncRooms(bot, this.rooms, this.logger);
    return bot;
  }

  private async onMessage(message: Message): Promise<void> {
    try {
      const chat = await toInbound(message, this.config.BOT_NAME, this.startedAt);
      if (typeof chat === 'string') return;
      await this.inbound.handle(chat);
    } catch (err) {
      this.logger.error(`could not handle message ${message.id}: ${(err as Error).message}`);
    }
  }

  private async recordConnection(state: 'connected' | 'disconnected'): Promise<void> {
    try {
      await (state === 'connected' ? this.rooms.markConnected() : this.rooms.markDisconnected());
    } catch (err) {
      this.logger.warn(`could not record that the account is ${state}: ${(err as Error).message}`);
    }
  }

  /** The puppet resets itself after a broken stream; if it is still not back after a while, start afresh. */
  private watchRecovery(): void {
    if (this.recoveryTimer || this.stopping) return;
    this.recoveryTimer = setTimeout(async () => {
      this.recoveryTimer = undefined;
      if (this.loggedIn || this.stopping) return;
      this.logger.warn('the WeChat connection did not recover; reconnecting');
      await this.teardown();
      this.scheduleReconnect();
    }, this.config.WECHATY_PUPPET_SERVICE_TIMEOUT_SECONDS * 1000);
  }

  /** Rebuilds the connection when the puppet service has given no sign of life for the configured timeout. */
  private feedWatchdog(bot: Wechaty): void {
    if (bot !== this.bot || this.stopping) return;
    clearTimeout(this.watchdogTimer);
    const seconds = this.config.WECHATY_PUPPET_SERVICE_TIMEOUT_SECONDS;
    this.watchdogTimer = setTimeout(async () => {
      if (bot !== this.bot || this.stopping) return;
      this.logger.warn(`no heartbeat from the puppet service for ${seconds} s: rebuilding the connection`);
      this.status.setBot({ state: 'reconnecting', detail: `no heartbeat for ${seconds} s` });
      clearTimeout(this.recoveryTimer);
      this.recoveryTimer = undefined;
      await this.teardown();
      this.scheduleReconnect();
    }, seconds * 1000);
    this.watchdogTimer.unref();
  }

  private scheduleReconnect(): void {
    if (this.stopping) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.attempt, 6));
    this.status.setBot({ state: 'reconnecting', detail: `retrying in ${Math.round(delay / 1000)} s` });
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private async teardown(): Promise<void> {
    const bot = this.bot;
    this.bot = undefined;
    this.loggedIn = false;
    clearTimeout(this.watchdogTimer);
    if (!bot) return;
    try {
      // A dead link may never answer the stop.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        bot.stop(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 10 s')), STOP_TIMEOUT_MS))),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      this.logger.warn(`stopping the WeChat connection: ${(err as Error).message}`);
    }
  }
}
