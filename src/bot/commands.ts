import { boundedMemberText, normaliseText, trailingRun } from '../common/text';

export type Command =
  | { name: 'help' }
  /** preferred: the round's first channel; chat or sheet: that way, if the round allows it */
  | { name: 'start-quiz'; mode: 'preferred' | 'chat' | 'sheet' }
  | { name: 'continue-quiz' }
  | { name: 'scores' }
  | { name: 'ranking' }
  | { name: 'bind'; unit: string }
  | { name: 'unbind' }
  | { name: 'list-units' }
  | { name: 'confirm' }
  | { name: 'cancel' }
  | { name: 'pick'; number: number }
  | { name: 'admin-stats'; unit?: string }
  | { name: 'admin-announce'; text: string }
  | { name: 'admin-reload' }
  | { name: 'admin-race'; questions: number }
  | { name: 'text'; text: string };

const EXACT: Record<string, Command> = {
  帮助: { name: 'help' },
  help: { name: 'help' },
  菜单: { name: 'help' },
  功能: { name: 'help' },
  '?': { name: 'help' },
  答题: { name: 'start-quiz', mode: 'preferred' },
  开始答题: { name: 'start-quiz', mode: 'preferred' },
  参加答题: { name: 'start-quiz', mode: 'preferred' },
  聊天答题: { name: 'start-quiz', mode: 'chat' },
  逐题答题: { name: 'start-quiz', mode: 'chat' },
  答题卡: { name: 'start-quiz', mode: 'sheet' },
  答题卡模式: { name: 'start-quiz', mode: 'sheet' },
  继续答题: { name: 'continue-quiz' },
  继续: { name: 'continue-quiz' },
  成绩: { name: 'scores' },
  我的成绩: { name: 'scores' },
  查成绩: { name: 'scores' },
  排行: { name: 'ranking' },
  排行榜: { name: 'ranking' },
  排名: { name: 'ranking' },
  单位列表: { name: 'list-units' },
  单位: { name: 'list-units' },
  有哪些单位: { name: 'list-units' },
  解绑: { name: 'unbind' },
  解除绑定: { name: 'unbind' },
  确认: { name: 'confirm' },
  是: { name: 'confirm' },
  是的: { name: 'confirm' },
  对: { name: 'confirm' },
  取消: { name: 'cancel' },
  不是: { name: 'cancel' },
  统计: { name: 'admin-stats' },
  重载: { name: 'admin-reload' },
  重新加载: { name: 'admin-reload' },
};

const TRAILING_PUNCTUATION = trailingRun('\\s。.!！?？~～');

/**
 * Reads a member's text (its first MAX_MEMBER_TEXT_CHARS characters) as a command, tolerant of
 * Traditional characters, full-width forms and stray spaces; anything else is plain text (a question for the knowledge base or a quiz answer).
 */
export function parseCommand(message: string): Command {
  const raw = boundedMemberText(message);
  const text = normaliseText(raw).replace(/^[/／]/, '');
  const squeezed = text.replace(TRAILING_PUNCTUATION, '').replace(/\s+/g, '');
  const exact = EXACT[squeezed] ?? (squeezed === '' && /[?？]/.test(text) ? EXACT['?'] : undefined);
  if (exact) return exact;
  if (/^\d{1,2}$/.test(squeezed)) return { name: 'pick', number: Number(squeezed) };

  const bind = /^绑定(?:单位)?[:：\s]*(.+)$/u.exec(text.replace(/^绑\s*定/u, '绑定'));
  if (bind) return { name: 'bind', unit: bind[1].trim() };
  const announce = /^(?:公告|通知)[:：\s]+([\s\S]+)$/u.exec(text);
  if (announce) return { name: 'admin-announce', text: raw.trim().replace(/^\S+?[:：\s]+/u, '').trim() };
  const stats = /^统计[:：\s]+(.+)$/u.exec(text);
  if (stats) return { name: 'admin-stats', unit: stats[1].trim() };
  const race = /^抢答(?:\s*(\d{1,2})\s*题?)?$/u.exec(squeezed);
  if (race) return { name: 'admin-race', questions: race[1] ? Number(race[1]) : 5 };
  return { name: 'text', text: raw.trim() };
}

export const ADMIN_COMMANDS = new Set<Command['name']>(['admin-stats', 'admin-announce', 'admin-reload', 'admin-race']);
