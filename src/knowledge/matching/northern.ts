/**
 * Members in Henan, Shandong, Hebei, the north-east and the north-west write as they speak (俺是延津县的, 恁给俺说说,
 * 木有人问, 弄啥嘞): 俺 is 我 and 恁 is 你. In Beijing and Tianjin 多儿 is 多少, 嘛 inside a clause 什么 (嘛时候,
 * 拿嘛打的比方), 介 before what it points at 这, and 儿 after a word (那边儿, 名儿, 点儿) adds nothing. Read in
 * Mandarin, a member's own story (俺是……村干部) is told by 我 and set aside like any other, rather than read
 * as places and bodies the fact must be of.
 */
import { CLAUSE_END, type Reading, readWith } from './readings';

/** Words only northern speech writes, read as Mandarin wherever they stand. */
const ALWAYS: Reading[] = [
  [/俺/g, '我'],
  // 恁多, 恁大, 恁远: "so" before a degree; elsewhere (恁说说, 恁知道) "you".
  [/恁(?![多大高远长久快好早晚难少小])/g, '你'],
  [/恁/g, '那么'],
  // 木有 is 没有, but not where 木 ends a word (花木有多少, 苗木有限公司).
  [/(?<![树苗林花红草灌乔积松柏杉果檀])木有/g, '没有'],
  [/弄啥(?:嘞|咧|哩)?/g, '做什么'],
  // In Shaanxi, Shanxi and Gansu 兀 points as 那 does (兀个基地, 兀些人).
  [/兀搭/g, '那里'],
  [/兀(?=[个個些])/g, '那'],
  // 中不中 asks 行不行; in 集中不中断 it is two words.
  [/(?<![集其当心空期居适])中不中(?!断)/g, '行不行'],
  // 嘞, 咧, 哩 end a clause as 呢 does (没启动嘞？); 嘞 inside a word (嘞个) is left.
  [new RegExp(`(?<=\\p{Script=Han})[嘞咧哩](?=${CLAUSE_END})`, 'gu'), '呢'],
  // 许多儿童: 儿 begins a word.
  [/多儿(?![童子女科孙歌])/g, '多少'],
  [/(?:干|幹)嘛使(?:的|唤)?/g, '做什么用的'],
  // 嘛 ending a clause is a particle (是嘛, 好嘛); inside one, in Tianjin, it asks 什么 (嘛时候, 叫嘛名儿).
  [new RegExp(`(?<![好对行干幹])嘛(?!${CLAUSE_END})`, 'gu'), '什么'],
  [/倍儿/g, '很'],
  [/甭/g, '不用'],
  [/今儿个|今儿/g, '今天'],
  // 介 points as 这 does where a clause begins (介篇稿子, 介是嘛); 介绍, 中介, 简介 are words.
  [/(?<=^|[\s\p{P}])介(?=[是个篇些事会儿])/gu, '这'],
  // 那边儿, 一块儿, 名儿, 点儿, 籽儿: 儿 after a word adds nothing; 儿童, 儿子, 女儿, 托儿所 keep it.
  [/(?<=[边点块会事名份籽样趟伴意头片天活])儿(?![童子女科歌孙媳])/g, ''],
];

export function northernInMandarin(text: string): string {
  return readWith(ALWAYS, text);
}
