import { pinyin } from 'pinyin-pro';
import { compactText } from '../common/text';

export interface NamedUnit {
  name: string;
  aliases: string[];
}

export type UnitMatchOf<U> = { kind: 'exact'; unit: U } | { kind: 'fuzzy'; candidates: U[] } | { kind: 'none' };

const MIN_SIMILARITY = 0.5;
const MAX_CANDIDATES = 3;

/**
 * Finds a unit by what a member typed: exact name or alias (any script or width) first, then close
 * names. A close name is offered only when it sounds like every syllable typed: "民进新乡" must not
 * offer 民盟新乡市委 or 民革新乡市委, since a careless "1" would file the member in the wrong unit,
 * while "民革德杨" (a typo of 德阳) still finds 民革德阳市委.
 */
export function matchUnit<U extends NamedUnit>(text: string, units: U[]): UnitMatchOf<U> {
  const wanted = compactText(text);
  if (!wanted) return { kind: 'none' };
  const exact = units.find((u) => namesOf(u).some((n) => compactText(n) === wanted));
  if (exact) return { kind: 'exact', unit: exact };
  const typed = syllables(wanted);
  const scored = units
    .map((unit) => {
      const fitting = namesOf(unit).map(compactText).filter((n) => coversSyllables(syllables(n), typed));
      return { unit, score: Math.max(0, ...fitting.map((n) => similarity(wanted, n))) };
    })
    .filter((s) => s.score >= MIN_SIMILARITY)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES);
  return scored.length ? { kind: 'fuzzy', candidates: scored.map((s) => s.unit) } : { kind: 'none' };
}

const namesOf = (unit: NamedUnit) => [unit.name, ...unit.aliases];

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}

/** Every syllable typed is found in the name (as many times as typed), in any order. */
function coversSyllables(name: string[], typed: string[]): boolean {
  const available = new Map<string, number>();
  for (const s of name) available.set(s, (available.get(s) ?? 0) + 1);
  for (const s of typed) {
    const left = available.get(s) ?? 0;
    if (!left) return false;
    available.set(s, left - 1);
  }
  return true;
}

/** Dice coefficient over characters and bigrams, with containment counted as a strong match. */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a.includes(b) || b.includes(a)) return 0.6 + 0.4 * (Math.min(a.length, b.length) / Math.max(a.length, b.length));
  const grams = (s: string) => {
    const out = new Map<string, number>();
    const chars = Array.from(s);
    for (let i = 0; i < chars.length; i++) {
      for (const g of [chars[i], chars.slice(i, i + 2).join('')]) out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let overlap = 0;
  let total = 0;
  for (const [g, n] of ga) overlap += Math.min(n, gb.get(g) ?? 0);
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  return (2 * overlap) / total;
}
