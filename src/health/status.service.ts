import { Injectable } from '@nestjs/common';

export type BotState = 'disabled' | 'starting' | 'logged-out' | 'waiting-for-scan' | 'logged-in' | 'reconnecting' | 'stopped';

export interface BotStatus {
  state: BotState;
  mode: 'local' | 'puppet-service' | 'none';
  user?: string;
  since: string;
  detail?: string;
  qrcode?: string;
}

/** What the service knows of its own readiness; the bot reports its state here. */
@Injectable()
export class StatusService {
  private ready = false;
  private bot: BotStatus = { state: 'disabled', mode: 'none', since: new Date().toISOString() };

  markReady(ready: boolean): void {
    this.ready = ready;
  }

  isReady(): boolean {
    return this.ready;
  }

  setBot(update: Partial<BotStatus> & Pick<BotStatus, 'state'>): void {
    const changed = update.state !== this.bot.state;
    this.bot = { ...this.bot, ...update, since: changed ? new Date().toISOString() : this.bot.since };
    if (update.state !== 'waiting-for-scan') delete this.bot.qrcode;
  }

  botStatus(): BotStatus {
    return this.bot;
  }
}
