/**
 * Members in Shanxi, northern Shaanxi and western Inner Mongolia speak Mandarin with Jin words (额是吕梁
 * 这边的, 叫个甚, 做甚, 那搭, 咋介): 额 is 我, 甚 is 什么, 那搭 is 那里, 咋介 is 怎么. Read in Mandarin, a
 * member's own story (额是……的) is told by 我 and set aside like any other.
 */
import { type Reading, readWith } from './readings';
const IN_MANDARIN: Reading[] = [
  [/甚[么麼]/g, '什么'],
  // 甚至, 甚为, 甚是, 甚多, 甚少, 甚好, 甚大, 甚微, 甚嚣尘上, 更有甚者, 尤甚 are Mandarin words, and 甚 before how
  // one feels or how much (甚慰, 甚合吾意, 甚感, 甚广) is the written 很.
  [/(?<!欺人太|幸|过|尤|更有)甚(?![至为是多少好大微嚣远久者或而合慰感佳喜盼憾广众深])/g, '什么'],
  [/咋介/g, '怎么'],
  // 那搭, 这搭 (there, here); 搭 of 搭建, 搭配, 搭台 follows other words.
  [/那搭(?=[\s\p{P}儿里有是的建在开搞弄]|$)/gu, '那里'],
  [/这搭(?=[\s\p{P}儿里有是的建在开搞弄]|$)/gu, '这里'],
  [/夜来(?=[\s\p{P}]|[我他她你额])/gu, '昨天'],
  // 额 is 我 where a member speaks of themselves (额是, 额们, 叫额); 金额, 名额, 额度, 额外 are words.
  [/额们/g, '我们'],
  [/(?<=^|[\s\p{P}叫让给跟和帮替])额(?![度外头])/gu, '我'],
];

export function jinInMandarin(text: string): string {
  return readWith(IN_MANDARIN, text);
}
