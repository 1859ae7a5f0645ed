import { asksOpenly } from './asking';

/**
 * A guess the member doubts before asking openly (襄阳那个培训班不会是在武汉开的吧？到底在哪儿办的？; 不是第二批的
 * 重点项目吧？它算第几批？): what follows 不会, 不是 or 没 up to the 吧 closing its clause is the member's guess,
 * not the fact's, and is left out when a later clause asks with a question word of its own, not pointing back at it. 不是……吗 states a
 * belief and stays (see statesBelief).
 */
const DOUBTED = /(?:不会(?:是|就|在)?|(?<!是)不是在?|没有?在?(?![记弄搞说看听]错))[^，,。？?！!；;\s]{1,30}?吧(?=[？?！!。，,；;\s]|$)/gu;
/** A later question pointing back at the guess (那年命名了几个, 那次谁讲的) asks within it. */
const POINTS_BACK = /那一?年|那次|那时|当年|当时/;

export function withoutDoubts(text: string): string {
  return text.replace(DOUBTED, (doubt, at: number) => {
    const after = text.slice(at + doubt.length);
    return asksOpenly(after) && !POINTS_BACK.test(after) ? '' : doubt;
  });
}
