import fc from 'fast-check';
import { MAX_MEMBER_TEXT_CHARS } from '../../src/common/text';

/**
 * Pieces that make regular expressions backtrack when repeated: spaces (half-width, full-width,
 * the mention separator), digits, letters, punctuation of both widths, command words, a
 * surrogate pair and a lone surrogate.
 */
const PIECES = [' ', '\u3000', '\u2005', '\n', '\t', '1', '12', '1A', 'A', 'ａ', '１', 'AC', '.', '。', '!', '！', '?', '？',
  '~', '～', ':', '：', ',', '，', '、', ';', '-', '绑定', '公告 ', '选', '答案', '对', '錯', '😀', '\uD83D'];

/** One piece repeated up to 25,000 times: long runs are where quadratic patterns take seconds. */
const run = fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 25_000 })).map(([piece, times]) => piece.repeat(times));

/** Random text of every kind, often far longer than what is parsed. */
export const memberText: fc.Arbitrary<string> = fc
  .array(fc.oneof(run, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 })), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));

/** Text longer than what is parsed: its first MAX_MEMBER_TEXT_CHARS characters decide the result. */
export const overlongMemberText: fc.Arbitrary<string> = fc
  .tuple(memberText, fc.constantFrom(...PIECES))
  .map(([text, filler]) => text + filler.repeat(Math.ceil((MAX_MEMBER_TEXT_CHARS + 1) / filler.length)))
  .chain((text) => fc.constantFrom(text, `${text}x`, `${text}?`, `${text}A`, `${text}1A`));

/** Enough runs to meet long inputs often; each run takes milliseconds once the parsers are linear. */
export const FUZZ_RUNS = 60;
