import { pinyin } from 'pinyin-pro';

/** Bank slugs as the API accepts them: lower-case letters, digits and -, 2 to 60 characters. */
export const BANK_SLUG = /^[a-z0-9][a-z0-9-]{1,59}$/;

// Room for a "-99" suffix that makes a slug unique.
const MAX_BASE_LENGTH = 56;

/**
 * A readable slug for a bank title or file name: Chinese in pinyin, one syllable a word
 * ("2024年第一期题库.xlsx" -> "2024-nian-di-yi-qi-ti-ku"); "bank" when nothing readable is left.
 */
export function readableSlug(title: string): string {
  const words = pinyin(title.replace(/\.(ya?ml|xlsx|csv)$/i, ''), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const slug = words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > MAX_BASE_LENGTH ? slug.slice(0, MAX_BASE_LENGTH).replace(/-[^-]*$/, '') : slug;
  return cut.length >= 2 ? cut : 'bank';
}

/** The slug a new bank is named after: the one its YAML file declares if the API accepts it, else one read from its title. */
export function slugBaseOf(declared: string | undefined, title: string): string {
  return declared && declared.length <= MAX_BASE_LENGTH && BANK_SLUG.test(declared) ? declared : readableSlug(title);
}

/** `base`, or `base-2`, `base-3`… : the first that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
