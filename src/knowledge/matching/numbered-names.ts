/**
 * Names the knowledge quotes with a numeral in them (“一站六会”, “三同三化”, “4321工作法”), which
 * members recall with 几 for the numeral they forget (说是一站几会的那个, 到底是几会): such a
 * name is read as the knowledge writes it, when only one of its names fits.
 */

const NUMERAL = /[一二三四五六七八九十两0-9]/;
/** A numeral before a measure (三个带头, 三大创新, 三维发力) counts, as a question's 几 does: no name to recall. */
const MEASURE = /[个大维项次条种类批位名家年点场件]/;
/** Shorter names (六会, 四有) are too little to tell a name from a question (哪几会). */
const MIN_NAME = 4;

export class NumberedNames {
  /** Each name with one numeral written as 几, and the name; null when two names fit alike. */
  private readonly byPattern = new Map<string, string | null>();

  constructor(names: Iterable<string>) {
    for (const name of new Set(names)) {
      const chars = Array.from(name);
      if (chars.length < MIN_NAME) continue;
      chars.forEach((c, i) => {
        if (!NUMERAL.test(c) || MEASURE.test(chars[i + 1] ?? '')) return;
        const pattern = [...chars.slice(0, i), '几', ...chars.slice(i + 1)].join('');
        const known = this.byPattern.get(pattern);
        this.byPattern.set(pattern, known === undefined || known === name ? name : null);
      });
    }
  }

  /** The text with each name recalled with 几 written as the knowledge quotes it. */
  read(text: string): string {
    if (!text.includes('几')) return text;
    let read = text;
    for (const [pattern, name] of this.byPattern) if (name && read.includes(pattern)) read = read.split(pattern).join(name);
    return read;
  }
}
