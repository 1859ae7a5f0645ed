import * as OpenCC from 'opencc-js';

const hongKongToSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const taiwanToSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const simplifiedToTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function toSimplified(text: string): string {
  return taiwanToSimplified(hongKongToSimplified(text));
}

export function toTraditional(text: string): string {
  return simplifiedToTraditional(text);
}

function changedChars(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let n = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n + Math.abs(x.length - y.length);
}

/** True when the text is written in Traditional characters (more of it changes going to Simplified than the reverse). */
export function isTraditional(text: string): boolean {
  const toS = changedChars(text, toSimplified(text));
  if (toS === 0) return false;
  return toS > changedChars(text, toTraditional(text));
}

/** Answers in the script the member wrote in. */
export function inScriptOf(sample: string, text: string): string {
  return isTraditional(sample) ? toTraditional(text) : text;
}

/** NFKC (full-width to half-width), Simplified characters, lower case, single spaces. */
export function normaliseText(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const PUNCTUATION = /[\s\p{P}\p{S}]+/gu;

/** normaliseText without any punctuation, symbols or spaces: for comparing short answers and names. */
export function compactText(text: string): string {
  return normaliseText(text).replace(PUNCTUATION, '');
}
