import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { loadLinkSecret } from './link-secret';
import { signLink, verifyLink, type LinkCheck } from './link-token';

interface LinkedRound {
  id: number;
  endsAt: Date;
  channels: string[];
}

/** The web quiz links: made and checked here only. Without PUBLIC_URL there are none. */
@Injectable()
export class WebLinksService {
  private readonly secret: string | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = config.PUBLIC_URL ? loadLinkSecret(config) : undefined;
  }

  get enabled(): boolean {
    return this.secret !== undefined;
  }

  /** A member's own link to a round, valid until the round closes. */
  personalLink(memberId: number, round: LinkedRound): string | undefined {
    if (!this.secret || !round.channels.includes('web')) return undefined;
    return `${this.config.PUBLIC_URL}/q/${this.personalToken(memberId, round)}`;
  }

  personalToken(memberId: number, round: Pick<LinkedRound, 'id' | 'endsAt'>): string {
    return signLink(this.requireSecret(), { kind: 'personal', memberId, roundId: round.id, expiresAt: round.endsAt });
  }

  /** The round's link for a group: whoever opens it names their unit and themselves. */
  groupLink(round: LinkedRound): string | undefined {
    if (!this.secret || !round.channels.includes('web')) return undefined;
    return `${this.config.PUBLIC_URL}/q/g/${signLink(this.secret, { kind: 'group', roundId: round.id, expiresAt: round.endsAt })}`;
  }

  verify(token: string, now = new Date()): LinkCheck {
    if (!this.secret) return { ok: false, reason: 'malformed' };
    return verifyLink(this.secret, token, now);
  }

  private requireSecret(): string {
    if (!this.secret) throw new Error('the web channel is off: PUBLIC_URL is not set');
    return this.secret;
  }
}
