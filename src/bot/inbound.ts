import { escapeRegExp } from '../common/text';
import type { OutboundTarget } from '../outbound/sender';

/** A WeChat message reduced to what the router needs; built by the Wechaty adapter. */
export interface InboundChat {
  messageId: string;
  talker: { id: string; name: string };
  room?: { id: string; topic: string };
  /** The text with any @-mention of the bot removed; empty for non-text messages. */
  text: string;
  kind: 'text' | 'other';
  /** In a room: the message @-mentions the bot. */
  mentioned: boolean;
  sentAt: Date;
  /**
   * Set by the router once it tried to record the message id. A message held through a database
   * outage may have had its id committed before the connection dropped: its replay is no duplicate.
   */
  deliveryClaimed?: boolean;
}

export interface Reply {
  target: OutboundTarget;
  body: string;
}

/** WeChat separates a mention from the text after it with U+2005 (or a plain space). */
export function stripMention(text: string, botName: string): { text: string; mentioned: boolean } {
  const escaped = escapeRegExp(botName);
  const pattern = new RegExp(`@${escaped}[\\u2005\\u0020]?`, 'g');
  const stripped = text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
  return { text: stripped, mentioned: stripped !== text.trim() || pattern.test(text) };
}
