import { normaliseText } from '../../common/text';
import { CLAUSE_END } from './readings';

/**
 * Politeness and framing that carry no meaning for matching. Longest first so that
 * "想问一下" goes before "想问" and "一下".
 */
const FILLER_PHRASES = [
  '麻烦问一下',
  '我想问一下',
  '我想了解一下',
  '我想了解',
  '想了解一下',
  '想问一下',
  '请告诉我',
  '告诉我',
  '我想知道',
  '想知道',
  '我想问',
  '想问',
  '请问',
  '问一下',
  '你好',
  '您好',
  '麻烦',
  '一下',
  '谢谢',
];
const FILLERS = new RegExp(
  [...FILLER_PHRASES].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

/**
 * Colloquial forms mapped to the wording the knowledge base uses. Earlier rules win where two
 * could apply at the same place, so longer phrases come before their parts (咋样 before 咋).
 */
const SYNONYMS: Array<[RegExp, string]> = [
  [/统一战线/g, '统战'],
  [/新的社会阶层人士|新的社会阶层|新社会阶层/g, '新阶层'],
  [/是怎么回事|是咋回事|怎么回事|咋回事/g, '是什么'],
  [/是?(?:啥意思|什么意思)/g, '是什么意思'],
  [/咋样|怎么样|怎样/g, '怎么'],
  [/如何|咋/g, '怎么'],
  [/为啥|为何/g, '为什么'],
  [/干啥|干什么|做啥/g, '做什么'],
  // 几时 is when in Cantonese, Hakka, Minnan and written Chinese alike.
  [/啥时候|什么时间|何时|几时(?!段)|哪天|哪一天/g, '什么时候'],
  [/啥|什麽/g, '什么'],
  [/哪儿|哪里|哪/g, '哪'],
  [/多少钱|多少万元|几万元/g, '多少钱'],
  [/多长时间|多久/g, '多久'],
  [/几回|多少回/g, '多少次'],
  // 好几, 几十 and 前几天, 这几年 say "several" or "these few", they do not ask (十几 is an estimate: see normaliseQuestion).
  [/[好前这那近]几|几十/g, '若干'],
  // 另外几个是什么 asks which they are, not how many.
  [/几[个项条类种]是(?:什么|啥|哪些)/g, '哪些'],
  [/(?<!哪)几(?=[个名场次件篇项类人位家所批条届天楼层])/g, '多少'],
  [/一共|总共|总计/g, '共'],
  // 两百来平, 多少平: 平 after a figure is 平米 (not 平台, 平方公里, 平均, 多少平凡岗位, 来平顶山); read so, it makes no word with what follows (平原).
  [/(?<=[\d〇零一二两三四五六七八九十百千万余多来几]|多少)平(?![米方台安等均衡稳常时面凡民顶和价反息定复整坦静房])/g, '平米'],
];

const SYNONYM = new RegExp(SYNONYMS.map(([pattern]) => `(${pattern.source})`).join('|'), 'g');
const replaceSynonym = (match: string, ...groups: unknown[]) =>
  SYNONYMS[groups.findIndex((group, i) => i < SYNONYMS.length && group !== undefined)]?.[1] ?? match;

/** Question endings that only frame the question. 是什么 is dropped only at the very end ("X是什么" = "X"). */
const TRAILING_FRAMES = /(?:是什么|是真的|是不是|对不对|是吗|对吗)$/u;

/** Characters before 吧 that make it a noun (书吧, 讲吧, 酒吧), not a particle. */
export const BA_NOUNS = '书讲酒网话水';
/** Sentence-final particles, dropped before punctuation or at the end. 吧 stays after nouns such as 书吧 or 讲吧. */
const FINAL_PARTICLES = new RegExp(`(?:[吗呢啊呀嘛哦啦呗]+|(?<![${BA_NOUNS}])吧)(?=${CLAUSE_END})`, 'gu');

/** Punctuation, symbols and spaces, except a decimal point (60.06万). */
const PUNCTUATION = /(?:(?!(?<=\d)\.(?=\d))[\s\p{P}\p{S}])+/gu;

/**
 * The form every question and every entry text is compared in: NFKC, Simplified, lower case,
 * no fillers, colloquial words mapped, no punctuation or spaces.
 */
export function normaliseQuestion(text: string): string {
  let s = normaliseText(text).replace(FINAL_PARTICLES, '');
  s = s.replace(FILLERS, ' ');
  // 二十几个, 一百二十几 estimate a figure, as the knowledge's 20余 does; 几 alone still asks.
  s = s.replace(/(?<=[零十百千万\d])几/g, '余');
  s = s.replace(SYNONYM, replaceSynonym);
  // "23年" in chat is the year 2023 (but "近20年" is a span of years).
  s = s.replace(/(?<![\d.近多余几这过去])(1[5-9]|2\d)(?=年(?!代|来|间|内))/g, '20$1');
  // 12.1号, 5.17日: a month and a day written with a dot.
  s = s.replace(/(?<![\d.])(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?=[号日])/g, '$1月$2');
  s = s.replace(PUNCTUATION, '');
  const framed = s.replace(TRAILING_FRAMES, '');
  // Keep the frame when nothing else is left ("是谁" alone still asks something).
  return framed.length >= 2 ? framed : s;
}
