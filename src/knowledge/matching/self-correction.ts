/**
 * Members dictating a question correct themselves as they go (德阳给新评上的省级，哦不对，国家级基地;
 * 石榴籽调解体系是聚焦啥的，呃不是，我想问的是酒城新绿云是干嘛用的). What they said before correcting
 * is not what they ask: its places, bodies and years must neither be required of the answer nor
 * lend it their match. The question is read as finally said.
 */
import { QUESTION_WORD } from './details';
import { segment } from './segmenter';

/**
 * A correction, where a clause begins: 不对, 不對, 说错了, 搞混了, 等下, a bare 不是 or 不 (呃不是，…; 哦不，…),
 * or 不是 repeating what it takes back before 是 (哦不是新乡，是哈尔滨). 不对吗 and 不是说 ask and tell.
 */
const CORRECTION = new RegExp(
  '(?<=^|[，,、。；;…\\s])[哦噢欸诶呃嗯啊哎唉]*' +
    '(?:不对不对|不對不對|不对(?![吗吧嗎呢？?])|不對(?![吗吧嗎呢？?])|说错了|說錯了|口误|口誤|搞混了|搞错了|搞錯了|记错了|記錯了|等下|等一下|我再想想' +
    '|不是(?!说|說)[^，,。？?！!]{0,8}?(?=[，,]\\s*是)|不是(?=[，,])|(?<=[哦噢欸诶呃])不(?=[，,]))' +
    '[了啦吧啊]?(?:[，,、\\s]*(?:我|我又)?(?:搞混了|说错了|說錯了|搞错了|搞錯了|记错了|記錯了|口误|口誤))?[，,、\\s]*',
  'gu',
);
/**
 * What the member turns to ask instead: 我想问的是, 我要问, 先问, 我换个问法. A question given up for it
 * (……是聚焦啥的，呃不是，我想问的是……) is dropped; what was only told (装修布展市里财政给了) stays as its context.
 */
const RESTART = /^(?:我|我是|我其实)?(?:想问|要问|是问|想問|要問|是問|问的是|問的是)|^(?:我?先问|我?先問|应该问|應該問|重新问|我?换个问法|我?換個問法)/;
/** What introduces the corrected words (是哈尔滨, 应该是2021年, 我是说正县级). */
const CORRECTED_LEAD = /^(?:我是说|我是說|我说的是|我說的是|应该是|應該是|是)/;
/** Words that may only pause (等下，我翻翻材料). */
const PAUSE = /等下|等一下|我再想想/;
/** A correction that only asks for the right figure or name instead of giving it (不对，应该是多少？). */
const ASKS_FIRST = /^(?:多少|什么|啥|哪个|哪些|几个|几|谁)[吧呢啊呀吗？?。！!\s]*$/;
/** Characters too common to align a correction with what it corrects. */
const COMMON = new Set(Array.from('的了在有和与也都就还又很吧吗呢啊呀嘛那个这些一'));
/** How many characters of the correction are looked for in what it corrects. */
const HEAD = 4;

/**
 * An aside in brackets saying what the member does not mean, or how they misname it (玉门（不是云南那个玉溪哈）,
 * 襄阳（他说成香阳我也跟着叫了半天）): it names another place than the one asked about.
 */
const NOT_MEANT = /[（(](?:不是|并非|可不是|别跟|别和)[^（）()]{0,20}[）)]|[（(][^（）()]{0,20}(?:说成|叫成|写成|打成|念成)[^（）()]{0,20}[）)]/gu;

export function asCorrected(text: string): string {
  let read = text.replace(NOT_MEANT, '');
  for (let guard = 0; guard < 4; guard++) {
    const found = [...read.matchAll(CORRECTION)].find((m) => m.index! > 0 && m.index! + m[0].length < read.length && takesBack(m[0], clauseBefore(read.slice(0, m.index!))));
    if (!found) return read;
    const at = found.index!;
    const before = read.slice(0, at).replace(/[，,、。；;…\s]+$/u, '');
    const after = read.slice(at + found[0].length);
    const taken = clauseBefore(before);
    const kept = before.slice(0, before.length - taken.length);
    if (RESTART.test(after)) {
      read = QUESTION_WORD.test(taken) ? kept + after : `${before}，${after}`;
      continue;
    }
    const corrected = after.replace(CORRECTED_LEAD, '');
    // 不对，应该是多少 disputes a figure and asks for it.
    if (ASKS_FIRST.test(corrected)) return read;
    const left = withoutCorrected(taken, corrected);
    // 等下 is a pause unless a restatement follows (等下，是同心服务团) or what follows stands for some of the clause.
    if (PAUSE.test(found[0]) && corrected === after && left === undefined) return read;
    read = kept + (left ?? '') + corrected;
  }
  return read;
}

/** The last clause of a text, without the marks ending it. */
function clauseBefore(text: string): string {
  const trimmed = text.replace(/[，,、。；;…\s]+$/u, '');
  const start = Math.max(...Array.from('，,、。；;？?！!…').map((mark) => trimmed.lastIndexOf(mark))) + 1;
  return trimmed.slice(start);
}

/**
 * 不是 before what it names (不是书吧，是能上去讲的那种; 呃不是线下的，是在什么平台上) sets a thing apart,
 * unless it names what was just said (新乡，不是新乡，是哈尔滨).
 */
function takesBack(correction: string, taken: string): boolean {
  const named = /不是([^，,、\s]+)/.exec(correction)?.[1];
  return !named || taken.includes(named);
}

/**
 * What is left of the clause `taken` once the words a correction replaces are taken out: from the
 * word holding the first character the correction's head shares with it (省级 for 国家级, 2023年
 * for 2021年, 同心智囊团 for 同心服务团), or all of it when the correction restates it; undefined when they
 * share nothing (中央统战部 for 国家民委), and all of it is taken back.
 */
function withoutCorrected(taken: string, corrected: string): string | undefined {
  // 新乡的知识测试 for 郑州的知识测试: the correction restates the whole clause.
  const restated = Array.from(taken).slice(-3).join('');
  if (Array.from(taken).length >= 3 && corrected.split(/[，,。？?！!]/)[0].includes(restated)) return '';
  const head = new Set(Array.from(corrected).slice(0, HEAD).filter((c) => !COMMON.has(c) && !/[\s\p{P}]/u.test(c)));
  const chars = Array.from(taken);
  const first = chars.findIndex((c) => head.has(c));
  if (first < 0) return undefined;
  let at = 0;
  for (const word of segment(taken)) {
    const length = Array.from(word).length;
    if (at + length > first) return chars.slice(0, at).join('');
    at += length;
  }
  return chars.slice(0, first).join('');
}
