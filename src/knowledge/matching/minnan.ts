/**
 * Members in Fujian, Chaoshan and Taiwan speak Mandarin with Minnan words (阮是厦门的侨眷, 讲了啥物,
 * 偌济人参加, 佗位, 按怎做到): 阮 is 我 or 我们, 啥物 is 什么, 偌济 is 多少, 佗位 is 哪里, 按怎 is 怎么.
 * Read in Mandarin, a member's own story (阮是……的) is told by 我 and set aside like any other.
 */
import { type Reading, readWith } from './readings';

/** Longer words before their parts (佗位 before 佗). */
const IN_MANDARIN: Reading[] = [
  [/啥物|啥乜|什物/g, '什么'],
  [/偌济|偌濟|偌多/g, '多少'],
  [/佗位|佗落|底位/g, '哪里'],
  [/按怎|安怎/g, '怎么'],
  // 有影无 asks whether there is such a thing (有没有); 有影 alone says there is.
  [/有影无|有影無/g, '有没有'],
  // 阮 is a surname too (阮籍): read as 我 only where a member speaks of themselves.
  [/阮(?=[是们們这這那家单單公村社县縣市区區街也想有要在的今最刚剛这边這邊])/g, '我'],
];

export function minnanInMandarin(text: string): string {
  return readWith(IN_MANDARIN, text);
}
