/**
 * Members in Hunan, Jiangxi and Hubei speak Mandarin with words of their own (搞么子, 冇得, 几多人,
 * 么样搞的): 么子 is 什么, 冇得 is 没有, 几多 is 多少, 么样 is 怎么样. Read in the Mandarin form the
 * knowledge and every rule of the matcher use.
 */
import { type Reading, readWith } from './readings';
const IN_MANDARIN: Reading[] = [
  [/么子|么得子/g, '什么'],
  [/冇得|冇有/g, '没有'],
  [/几多/g, '多少'],
  // 什么样, 怎么样, 这么样, 那么样 and 多么 keep their 么.
  [/(?<![什怎这這那多])么样/g, '怎么样'],
];

export function xiangGanInMandarin(text: string): string {
  return readWith(IN_MANDARIN, text);
}
