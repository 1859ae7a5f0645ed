import { QUESTION_WORD } from './details';
import { type Reading, readWith } from './readings';

/**
 * Members in Sichuan, Chongqing, Guizhou and Yunnan write as they speak (有好多人参加哦, 啥子叫四有, 是哪个上去讲的):
 * 好多 asks how many where Mandarin would say 多少, 哪个 asks who, 啥子 is 什么. Their words are read
 * in the Mandarin form the knowledge and every rule of the matcher use.
 */

/** Words only Sichuanese writes, read as Mandarin wherever they stand. */
const ALWAYS: Reading[] = [
  [/啥子/g, '什么'],
  [/咋个/g, '怎么'],
  // Guizhou and Yunnan ask 是哪样, 搞哪样 for 是什么, 做什么.
  [/哪样(?!子)/g, '什么'],
  [/哪样子/g, '什么样子'],
  // 摆一哈, 问一哈: 一下 after a verb; 哈哈 is a laugh.
  [/(?<=\p{Script=Han})一哈(?!哈)/gu, '一下'],
];

/** Verbs that 好 completes (做好, 用好, 抓好). */
const VERB_BEFORE_GOOD = '做搞抓办建用管讲守握务当干写学实把';
/**
 * 好多人, 好大一块: in a question with no other question word these ask (多少人, 多大); beside one
 * (好多人都问，……是多少) they say "many" as in Mandarin.
 */
const ASKING_DEGREE: Reading[] = [
  // 做好多党合作, 用好大健康产业, 建好长效机制: 好 ends a verb; 好多了 says "much better".
  [new RegExp(`(?<![${VERB_BEFORE_GOOD}])好多(?!党合作|了)`, 'g'), '多少'],
  [new RegExp(`(?<![${VERB_BEFORE_GOOD}])好(?=[大远高长](?!健康|局|方向|家|效|期|江))`, 'g'), '多'],
  // 片会好久开的: when; 好久没去了 says "for a long time".
  [/好久(?=[开办来建召举成批评])/g, '什么时候'],
];

/** 哪个 before someone's doing (哪个上去讲的, 是哪个牵头的) asks who, as 谁; 哪个基地 still asks which. */
const WHO_DID = /哪个(?=(?:上去|出来|来|去)?(?:讲|说|发言|牵头|负责|主持|出席|作报告|批示|分享|授课)(?:的|了|过)(?!是))/g;

export function sichuaneseInMandarin(text: string): string {
  const read = readWith(ALWAYS, text).replace(WHO_DID, '谁');
  if (QUESTION_WORD.test(read) || /怎样/.test(read)) return read;
  return readWith(ASKING_DEGREE, read);
}
