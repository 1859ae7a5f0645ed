/**
 * Young members type as they write online (家人们谁懂啊 新乡成立了个服务团…, 有无懂哥 玉门全市有多少成员 蹲一个,
 * 咱就是说 …… 求科普🙏): the address to the readers, the calls for someone who knows and the cries around a
 * question stand as clauses of their own and ask nothing. Read without them, 谁懂 is not taken for asking who,
 * nor 求科普 for a word of the question.
 */
import { CLAUSE_START, type Reading, readWith, standingAlone } from './readings';

/** Words that make a clause of their own, alone or one after another (家人们谁懂啊, 啊这, 救命, 码住). */
const ASIDES = [
  '家人们', '宝子们', '宝宝们', '姐妹们', '集美们', '兄弟们', '友友们', 'xdm', 'XDM',
  '有无懂哥', '有没有懂哥', '有无大佬', '有没有大佬', '求大佬', '懂哥们', '懂哥',
  '谁懂', '咱就是说', '就是说',
  '啊这', '救命', '绝了', '破防了', '破防', '笑死', 'yyds', 'YYDS', 'emm+', 'hhh+', '哈哈+', '码住', '蹲一个', '蹲', 'dd', 'DD',
  '求科普', '求解答', '求告知', '求解惑', '冲鸭',
];

const IN_MANDARIN: Reading[] = [
  // 求问 opens a question as 请问 does.
  [new RegExp(`${CLAUSE_START}求问(?!题)`, 'gu'), '请问'],
  [standingAlone(ASIDES, '啊呀哈~～'), ''],
];

const MARKED = /[们懂说啊救绝破笑码蹲求冲哈]|xdm|yyds|emm|hhh|dd/i;

export function netspeakInMandarin(text: string): string {
  if (!MARKED.test(text)) return text;
  return readWith(IN_MANDARIN, text);
}
