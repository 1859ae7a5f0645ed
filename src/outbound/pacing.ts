/**
 * Per-account send pacing: a minimum gap with random jitter between two sends, and a cap on
 * sends in any sliding minute. WeChat restricts accounts that send faster than a person would.
 */
export interface PacingOptions {
  minIntervalMs: number;
  jitterMs: number;
  maxPerMinute: number;
}

export class Pacer {
  private readonly recent: number[] = [];
  private nextAllowedAt = 0;

  constructor(
    private readonly options: PacingOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /** Milliseconds to wait before the next send may go out (0 = now). */
  delayFor(now: number): number {
    while (this.recent.length && this.recent[0] <= now - 60_000) this.recent.shift();
    let wait = Math.max(0, this.nextAllowedAt - now);
    if (this.recent.length >= this.options.maxPerMinute) {
      wait = Math.max(wait, this.recent[0] + 60_000 - now);
    }
    return wait;
  }

  recordSend(now: number): void {
    this.recent.push(now);
    this.nextAllowedAt = now + this.options.minIntervalMs + Math.floor(this.random() * (this.options.jitterMs + 1));
  }
}

/** Messages one account can send in an hour at this pacing: the gap with its average jitter, or the cap a minute. */
export function messagesPerHour(options: PacingOptions): number {
  const byInterval = 3_600_000 / Math.max(1, options.minIntervalMs + options.jitterMs / 2);
  return Math.min(byInterval, options.maxPerMinute * 60);
}

/** Seconds one account needs to send `pending` messages at this pacing. */
export function drainSeconds(pending: number, options: PacingOptions): number {
  return Math.ceil((pending / messagesPerHour(options)) * 3600);
}

/** Retry delay after a failed send: exponential from 2 s, capped at 5 minutes. */
export function retryDelayMs(tries: number): number {
  return Math.min(300_000, 2000 * 2 ** Math.max(0, tries - 1));
}

/** WeChat shows long messages poorly: split at paragraph, line or sentence ends. */
export function splitMessage(text: string, maxChars: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (Array.from(rest).length > maxChars) {
    const chars = Array.from(rest);
    const window = chars.slice(0, maxChars).join('');
    let cut = -1;
    for (const sep of ['\n\n', '\n', '。', '！', '？', '!', '?', '；', ';', '，', ',', ' ']) {
      const at = window.lastIndexOf(sep);
      if (at >= Math.floor(window.length / 2)) {
        cut = at + sep.length;
        break;
      }
    }
    if (cut <= 0) cut = window.length;
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
