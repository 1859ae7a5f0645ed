/**
 * Chinese associations in Singapore and Malaysia write Chinese with English particles and turns of their own
 * (捐了大概几多lah, 怎样搭的ah, 建了几个活动空间wor, can share or not, 真有酱的事): the particles end a clause
 * as 啊 does, "can … or not" asks 可以吗, and 酱 is 这样. Read so, nothing of them is left to be taken for a
 * word of the question.
 */
import { CLAUSE_END, type Reading, readWith } from './readings';

const IN_MANDARIN: Reading[] = [
  // can share or not, can explain or not, can or not: asking whether the bot can.
  [/\s*\bcan(?:\s+[a-z]+)?\s+or\s+not\b/gi, '可以吗'],
  // lah, leh, lor, ah, meh, hor, wor, liao ending a clause written in Chinese.
  [new RegExp(`(?<=\\p{Script=Han})\\s*\\b(?:lah|leh|lor|ah|meh|hor|wor|liao)\\b(?=${CLAUSE_END})`, 'giu'), ''],
  // 酱 is 这样 where it follows what it sums up (做了几次酱, 真有酱的事); 酱油, 酱料, 果酱, 炸酱面 are food.
  [/(?<![果辣豆面炸肉黄甜番茄芝麻蘸])酱(?![油料汁菜园肉鸭瓜香面酒])/g, '这样'],
];

export function nanyangInMandarin(text: string): string {
  if (!/[A-Za-z]|酱/.test(text)) return text;
  return readWith(IN_MANDARIN, text);
}
