/**
 * A member asking for each one of a whole they count (哈尔滨出台的那20多个法规文件具体叫啥名字, 玉门那5名监督员分别
 * 是谁, 52个新品种都是些啥): an entry giving that count without naming its parts states what the member
 * already knows, and does not answer them.
 */
import { extractNumbers, MEASURES, NUM } from './numbers';

export interface EachAsked {
  count: number;
  measure: string;
}

/** A count with its measure, of things or of people (20余个, 5名, 3位): the number, then the measure. */
const COUNT = `(${NUM})[余多]?([${MEASURES}名位])`;
const COUNTS = new RegExp(COUNT, 'g');
const EACH_OF_COUNT = new RegExp(
  `${COUNT}[^，,。？?！!；;、\\d]{1,10}?[，,]?(?:里|中)?(?:的)?` +
    `(?:(?:分别|具体|都|各自|逐一|一一)(?:是|叫|有|指|属于)?(?:些)?(?:什么|啥|哪些|哪几|谁|哪)|(?:都|分别)?叫(?:什么|啥)名|的?名单)`,
);

/** The count a question asks each of, when it does (see above). */
export function eachOfCountAsked(text: string): EachAsked | undefined {
  const match = EACH_OF_COUNT.exec(text);
  const [count] = match ? [...extractNumbers(match[1])] : [];
  return match && count !== undefined && count >= MIN_COUNT ? { count, measure: match[2] } : undefined;
}

/** Fewer parts are named in a question's own words (“三个带头”具体是哪三个) and answered by the entries naming them. */
const MIN_COUNT = 5;

/** Whether an answer gives that count without naming as many parts (20余个法规文件 and no list of them). */
export function givesCountOnly(answer: string, { count, measure }: EachAsked): boolean {
  const counts = [...answer.matchAll(COUNTS)].filter((m) => m[2] === measure);
  if (!counts.some((m) => extractNumbers(m[1]).has(count))) return false;
  const listed = Math.max(0, ...answer.split(/[。；;]/).map((sentence) => sentence.split(/[、，,]/).length));
  return listed < count;
}
