/**
 * Members from Hong Kong, Macao, Guangdong and overseas write as they speak Cantonese (邊個更有效,
 * 喺邊度, 有幾多個, 係咪). Their words are read in the Mandarin form the knowledge and every rule of
 * the matcher use: 邊個 is 哪个, 幾多 is 多少, 係咪 is 是不是.
 */
import { type Reading, readWith } from './readings';

/** Words only Cantonese writes; a question holding none is left as it is (關係 keeps its 係). */
const CANTONESE_WORD =
  /嘅|喺|咗|冇|哋|佢|咩|乜|嗰|啲|睇|諗|谂|搵|嚟|畀|攞|啱|㗎|喎|唔|邊個|边个|邊度|边度|幾多|點樣|点样|點解|点解|係咪|系咪/;

/** Longer words before their parts (係唔係 before 唔 and 係). */
const IN_MANDARIN: Reading[] = [
  [/係唔係|系唔系|係咪|系咪/g, '是不是'],
  [/唔係|唔系/g, '不是'],
  // 關係, 聯係 and 體係 are words of their own.
  [/(?<![關关聯联維维體体])係/g, '是'],
  [/冇/g, '没有'],
  [/唔/g, '不'],
  [/嘅/g, '的'],
  [/喺/g, '在'],
  [/咗/g, '了'],
  [/佢哋/g, '他们'],
  [/哋/g, '们'],
  [/佢/g, '他'],
  [/邊度|边度/g, '哪里'],
  [/邊個|边个/g, '哪个'],
  [/[邊边](?=[幾几位間间種种啲些條条一])/g, '哪'],
  [/幾多|几多/g, '多少'],
  [/咩嘢|乜嘢|咩|乜/g, '什么'],
  [/點樣|点样/g, '怎么'],
  [/點解|点解/g, '为什么'],
  [/嗰/g, '那'],
  [/呢(?=[個个啲度])/g, '这'],
  [/啲/g, '些'],
  [/睇/g, '看'],
  [/諗|谂/g, '想'],
  [/搵/g, '找'],
  [/畀/g, '给'],
  [/攞/g, '拿'],
  [/嚟/g, '来'],
  [/啱/g, '对'],
  // 問吓, 睇吓: 一下 after a verb.
  [/(?<=\p{Script=Han})吓/gu, '一下'],
  [/㗎|喎|囉|啰/g, ''],
];

export function inMandarin(text: string): string {
  if (!CANTONESE_WORD.test(text)) return text;
  return readWith(IN_MANDARIN, text);
}
