/**
 * Names a question quotes, and the parts of compound names (四同四有四立, “中心+会+团+室+库”) it asks about
 * after their whole: which part is asked, and whether a text names another part of that whole.
 */
import { normaliseQuestion } from './normalise';

/** A quoted name of two characters or more. */
export const QUOTED = /[“"「『]([^”"」』]{2,24})[”"」』]/g;
/** A quoted part of a name, one character too (“中心+会+团+室+库”里的“会”). */
const QUOTED_PART = /[“"「『]([^”"」』]{1,24})[”"」』]/g;

/** A name made of numbered parts (四同四有四立) or a formula of parts (中心+会+团+室+库). */
const COMPOUND = /(?:[一二三四五六七八九十两]\p{Script=Han}){2,}|[\p{Script=Han}\dA-Za-z]+(?:\+[\p{Script=Han}\dA-Za-z]+)+/u;
/**
 * 四同四有四立里的四同: such a name, then (里的, 中的) one of its parts; or after a comma, pointed at (四同四有四立，四有是哪四有;
 * 中心+会+团+室+库，最后那个库指的是什么), when a part of one character must be pointed at.
 */
const PART_OF_COMPOUND = new RegExp(
  `(${COMPOUND.source})(里的|中的|里面的|当中的|之中的|[，,](?:最后|第[一二三四五六七八九十])?(?:[那这]个)?)([\\p{Script=Han}\\d]{1,8})`,
  'u',
);
/** After a comma, a part named is asked about only when the question asks what it is (四有是哪四有, 库指的是什么). */
const ASKS_WHAT_IT_IS = /^(?:具体)?(?:是|指|说|讲)?(?:的是|的)?(?:哪|什么|啥|何)/;

export interface PartOfWhole {
  part: string;
  whole: string;
  /** Every part of the whole (中心, 会, 团, 室, 库 of 中心+会+团+室+库; 四同, 四有, 四立 of 四同四有四立). */
  components: string[];
}

/** The parts a compound name is made of, as written (“中心+会+团+室+库”, 四同四有四立), normalised. */
function componentsOf(written: string): string[] {
  const parts = written.includes('+') ? written.split('+') : (written.match(/[一二三四五六七八九十两]\p{Script=Han}/gu) ?? []);
  return parts.map(normaliseQuestion).filter(Boolean);
}

/** The parts a question names after their whole, quoted (“中心+会+团+室+库”里的“会”) or not, each with its whole. */
export function partsOfWholes(asked: string): PartOfWhole[] {
  const text = asked.normalize('NFKC');
  const parts: PartOfWhole[] = [];
  // Compound names quoted so far, normalised.
  const wholes: Array<{ whole: string; components: string[] }> = [];
  for (const m of text.matchAll(QUOTED_PART)) {
    const name = normaliseQuestion(m[1]);
    if (!name) continue;
    for (const { whole, components } of wholes) if (whole !== name && whole.includes(name)) parts.push({ part: name, whole, components });
    if (COMPOUND.test(m[1])) wholes.push({ whole: name, components: componentsOf(m[1]) });
  }
  const m = PART_OF_COMPOUND.exec(text.replace(/[“”"「」『』]/g, ''));
  if (m) {
    const whole = normaliseQuestion(m[1]);
    const after = normaliseQuestion(m[3]);
    const components = componentsOf(m[1]);
    const afterComma = /^[，,]/.test(m[2]);
    // The longest start of what follows that the whole holds (四同是哪四个同: 四同); after a comma, one of its
    // parts whose meaning is asked, of one character only when pointed at (那个库).
    for (let k = after.length; k >= (/个$/.test(m[2]) ? 1 : 2); k--) {
      const part = after.slice(0, k);
      if (!whole.includes(part)) continue;
      // Read as written: normalising drops a final 是什么.
      const asksWhat = m[3].startsWith(part) && ASKS_WHAT_IT_IS.test(m[3].slice(part.length));
      if (!afterComma || (components.includes(part) && asksWhat)) parts.push({ part, whole, components });
      break;
    }
  }
  return parts;
}

/** How far after the whole a text names the part it asks about (泸州中心会团室库里头那个室). */
const PART_AFTER_WHOLE = 10;

/** Whether a (normalised) text names the whole of the parts asked and, after it, another of its parts but none of those. */
export function asksOtherPart(text: string, named: PartOfWhole[]): boolean {
  const asked = named.map(({ part }) => part);
  return named.some(({ whole, components }) => {
    const at = text.indexOf(whole);
    if (at < 0) return false;
    const after = text.slice(at + whole.length, at + whole.length + PART_AFTER_WHOLE);
    const namesAsked = asked.some((part) => after.includes(part));
    return !namesAsked && components.some((other) => !asked.some((part) => part.includes(other)) && after.includes(other));
  });
}

/** The names a text quotes (“四有”), normalised; one character is no name. */
export function quotedNamesOf(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => normaliseQuestion(m[1])).filter((name) => name.length >= 2);
}
