/**
 * Members greet, thank and send WeChat's emoji before and after they ask (早上好[玫瑰]德阳国家级基地奖多少[抱拳],
 * 辛苦了，打扰了，玉门……, ……谢谢老师[强]): an emoji arrives as its name in brackets, and a greeting or a thanks
 * stands as a clause of its own. Neither says anything of what is asked: read without them, 玫瑰 and 抱拳 are no
 * words of the question, nor 老师 of 谢谢老师.
 */
import { type Reading, readWith, standingAlone } from './readings';

/** An emoji as WeChat writes it in a message's text ([微笑], [抱拳], [OK], [666]): a pause. */
const EMOJI = /\[(?:\p{Script=Han}{1,4}|[A-Za-z]{2,4}|\d{3})\]/gu;

/** Greetings, thanks and apologies that make a clause of their own, alone or one after another. */
const COURTESIES = [
  '早上好', '上午好', '中午好', '下午好', '晚上好', '早安', '晚安', '大家好', '老师好', '领导好', '各位好',
  '辛苦了', '辛苦辛苦', '辛苦您了', '打扰了', '打扰一下', '打扰您了', '不好意思', '麻烦了', '麻烦您了',
  '谢谢老师', '谢谢您', '谢谢啦', '谢谢', '多谢', '感谢', '感谢感谢', '万分感谢', '在吗', '在不在',
];

const IN_MANDARIN: Reading[] = [
  [EMOJI, ' '],
  [standingAlone(COURTESIES, '啊呀哈哦~～'), ''],
];

const MARKED = /[[好辛打扰意麻谢感在]/;

export function withoutCourtesies(text: string): string {
  if (!MARKED.test(text)) return text;
  return readWith(IN_MANDARIN, text);
}
