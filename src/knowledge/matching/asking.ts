/**
 * How a member's question is built: context first, then what it asks (in its last sentences, or
 * after 其中 or 我想问), and which kind of thing it asks which one of.
 */
import { QUESTION_WORD } from './details';
import { BA_NOUNS } from './normalise';
import { countsIn, MEASURES } from './numbers';
import { tagWords } from './segmenter';

/** The marks that end a clause (a space between words may end one too: see withPausesMarked). */
export const CLAUSE_MARKS = '，,。！？!?；;\\n';
const CLAUSE_BREAKS = new RegExp(`[${CLAUSE_MARKS}]+`);

/**
 * From how many characters a question is long: it tells a story before it asks, whose wording no
 * entry repeats (see decide) and whose details are not what it asks for (see questionNeeds).
 */
export const LONG_QUESTION_CHARS = 40;

/** Whether a question is long (LONG_QUESTION_CHARS), counting what it writes, not the spaces around it. */
export function isLongQuestion(text: string): boolean {
  return Array.from(text.trim()).length >= LONG_QUESTION_CHARS;
}

const SENTENCE_END = /[。！？!?；;\n]+/;

/** A space between Chinese words, where members typing or dictating without punctuation pause. */
const PAUSE = /(?<=\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu;
/**
 * A pause between two runs this long, in a long message typed without a mark (我是民主党派的老成员
 * 己经入会二十来年了 去年在群里看到说……), ends a sentence: each run says a thing of its own.
 */
const PAUSE_ENDING_SENTENCE = /(\p{Script=Han}{8,})[ \u3000]+(?=\p{Script=Han}{8,})/gu;
const ANY_MARK = /[，,。！？!?；;]/;

/**
 * The question with its pauses written as marks: as commas (那个我在酒泉做点小生意 也是党派成员 ->
 * ……，也是……), and in a long question written without a mark, as sentence ends between long runs.
 */
export function withPausesMarked(text: string): string {
  const unmarkedLong = !ANY_MARK.test(text) && isLongQuestion(text);
  return (unmarkedLong ? text.replace(PAUSE_ENDING_SENTENCE, '$1。') : text).replace(PAUSE, '，');
}

/** How many of a question's opening sentences may be set aside as context. */
const CONTEXT_SENTENCES = 2;

export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END).filter((s) => s.trim());
}

/** The sentences of a question, each with the marks that end it (……对吧？, 那国家级的呢). */
export function sentencesWithEnds(text: string): string[] {
  return text.match(/[^。！？!?；;\n]+[。！？!?；;\n]*/g) ?? [];
}

/** What follows each of the first sentence ends of a question (none for a one-sentence question). */
export function laterSentences(text: string): string[] {
  return laterSentencesOf(sentencesOf(text));
}

export function laterSentencesOf(sentences: string[]): string[] {
  return sentences.slice(1, 1 + CONTEXT_SENTENCES).map((_, k) => sentences.slice(k + 1).join('。'));
}

/**
 * Turns after which the question asks for something beside what its context names: a part of the
 * whole named (……其中的“团”指的是哪个团), or the next of a series (……思想上充电，那精神上补什么).
 */
const TURN_FROM_NAMED = /其中|(?<=[，,？?。！!])那(?:么(?=\p{Script=Han}))?(?![个些里次位种场年时么是儿边])/u;

export function turnsFromNamed(text: string): boolean {
  return TURN_FROM_NAMED.test(text);
}

/**
 * How much the whole question counts beside its asking clause (`clause`, see askedClause): a
 * question asking for one part of a whole it names, or for the next of a series, is read mostly
 * by its asking clause; unless its context asks a question of its own (一年提交了多少篇议案，其中多少件
 * 被列为督办), which makes it a question of two things.
 */
const WHOLE_BEFORE_PART = 0.8;
/** 几 and 什么 are left out: they also tell (好几次, 没什么文化). */
const CONTEXT_ASKS = /多少|哪|[?？]/;

export function wholeWeight(text: string, clause: string | undefined): number {
  if (!clause || !turnsFromNamed(text)) return 1;
  return CONTEXT_ASKS.test(text.slice(0, text.lastIndexOf(clause))) ? 1 : WHOLE_BEFORE_PART;
}

/**
 * Where a question turns from its context to what it asks (……我想问其中的“团”指的是哪个团, ……想确认一下，……): the
 * words after the last 其中 or 想问 and the like, when some are left.
 */
const ASKING_WORDS = '想问|想知道|想了解|请问|想搞清楚|想弄清楚|想确认|想请教|想打听|想咨询';
const ASKING_TURN = new RegExp(`${TURN_FROM_NAMED.source}|${ASKING_WORDS}`, 'gu');
const MIN_CLAUSE = 4;

/** An asking clause that points back at what the context names (请问这笔奖励由哪个部门发放, 想问一下该基地在哪). */
const POINTS_BACK = /^[\s\p{P}]*(?:一下)?[\s\p{P}]*(?:这|该(?!怎|如何|不该|找|去|向|由)|此(?!外)|它|其(?!中|他|它|余|实|次))/u;

export function refersBack(clause: string): boolean {
  return POINTS_BACK.test(clause);
}

export function askedClause(text: string): string | undefined {
  const turns = [...text.matchAll(ASKING_TURN)];
  const last = turns[turns.length - 1];
  if (!last || last.index === 0) return undefined;
  const rest = text.slice((last.index ?? 0) + last[0].length);
  return Array.from(rest.replace(/[\s\p{P}]/gu, '')).length >= MIN_CLAUSE ? rest : undefined;
}

/**
 * A question telling its story in sentences that ask nothing, then asking in its last
 * (……全国来了近30个地市的统战部门。那次活动正式的名称叫什么？): the last sentence is where it asks
 * for a kind of fact (a name, not a count of cities) and at a level and a period of its own.
 */
export function askingSentence(text: string): string | undefined {
  const sentences = sentencesWithEnds(text);
  if (sentences.length < 2) return undefined;
  const asking = sentences[sentences.length - 1];
  const told = sentences.slice(0, -1);
  if (told.some((sentence) => /[？?]/.test(sentence) || QUESTION_WORD.test(sentence))) return undefined;
  return QUESTION_WORD.test(asking) && Array.from(asking.replace(/[\s\p{P}]/gu, '')).length >= MIN_CLAUSE ? asking : undefined;
}

/**
 * A sentence where the member tells of themselves (see SELF_DESCRIPTION), ending in a full stop
 * before one they end with a question mark, whose only question word is 几, tells of a few
 * (我在玉门做项目，认识了几位党派的朋友。……分了几个模块？): it asks nothing. Of something else
 * (德阳民革党员之家有几个功能区。建在哪里？) it asks.
 */
const TOLD_FEW = new RegExp(`^(?:我|本人|咱|作为)(?:(?!${QUESTION_WORD.source}).|几)*几(?:(?!${QUESTION_WORD.source}).|几)*[。！!]$`);
/** 我想问……有几个地市参加。: a sentence that says it asks does. */
const SAYS_IT_ASKS = new RegExp(`${ASKING_WORDS}|好奇|问一下|问下|请教`);

/** The question without the sentences that only tell of a few (see TOLD_FEW); the question itself when none do. */
export function withoutToldFew(text: string): string {
  const sentences = text.match(/[^。？?！!；;]+[。？?！!；;]*/g) ?? [];
  const lastAsked = sentences.map((sentence) => /[？?]$/.test(sentence.trim())).lastIndexOf(true);
  const kept = sentences.filter((sentence, i) => i > lastAsked || !TOLD_FEW.test(sentence.trim()) || SAYS_IT_ASKS.test(sentence));
  return kept.length && kept.length < sentences.length ? kept.join('') : text;
}

/** When the member did something (去年我们区也办过培训; 前两天到德阳出差). */
const MEMBER_WHEN = '(?:去年|前年|今年|上个月|上月|上周|上礼拜|前两天|前几天|前些天|前阵子|前段时间|上次|上回|那年|年初|暑假|寒假|国庆|五一|春节)';
/**
 * A clause where the member says who they are or what they did (我是侨联的工作人员, 我退休前在组织
 * 部门干过, 我们单位律师比较多): its bodies, levels and years are the member's, not those of the
 * fact asked about, and so are those of one opening with when they did it (去年我们区也办过培训). A clause that
 * asks, or tells what the member heard, read or remembers (我看到民革德阳市委建了……, 我记得2021年……), is about the fact.
 */
const SELF_DESCRIPTION = new RegExp(`^(?:${MEMBER_WHEN}[，,]?)?(?:我|本人|咱|作为|(?:政协|人大|单位|公司|企业|学校|机关|所里|院里|科里|处里|局里|部里|厂里|村里)(?:这边|这里)(?:也)?(?:想|准备|打算|正在考虑|在考虑|正在研究|在研究))`);
/**
 * A clause telling, its subject left out, when the member went somewhere (去年去杭州学习参观了红巷; 前两天到德阳
 * 出差): the time is the trip's, not the fact's.
 */
const MEMBER_TRIP = new RegExp(`^${MEMBER_WHEN}(?:我们?|咱们?|俺们?)?(?:跟着?[^，,。]{1,6})?(?:去|到|来|回)(?![年了过的])`);
const REPORTS = /听|看到|看了|记得|印象|了解到|得知|知道|发现|读到|注意到/;
const ASKS_IN_CLAUSE = new RegExp(`[?？]|${QUESTION_WORD.source}|${ASKING_WORDS}|问一下|问下`);
/** 我们在想怎么发动会员: how the member's own body means to go about something, not a question to the bot. */
const MULLING = /(?:在想|正在想|在琢磨|在考虑|在研究|在商量|在讨论)(?:怎么|如何|怎样)/g;
/** 办过几期, 去过几次: 几 after what the member has done tells of a few, and asks nothing. */
const DONE_FEW = /(?<=过)几/g;
const CLAUSE_END = new RegExp(`(?<=[${CLAUSE_MARKS}])`);

/**
 * Words pointing back to the member's own place (我是成都的律师，……我们这边的中心): 我们这 alone may
 * be "this" (我们这次), and a bare 当地 the place just named.
 */
const OWN_PLACE = /(?:我们|咱们|咱)(?:这边|这里|这儿|那边|那里|当地|本地|市|县|区|省|街道)|我(?:市|县|区|省)/;

/** Whether the question, past the member's description of themselves, points back to their own place. */
export function pointsToOwnPlace(selfless: string): boolean {
  return OWN_PLACE.test(selfless);
}

/**
 * A clause going on with what the member did, its subject left out (我在上城做健康产业，去年参加过
 * 峰会): a word of time or habit followed by a verb, an adverb or a preposition. Followed by a name
 * (目前玉门的党派成员) the clause has a subject of its own.
 */
const GOES_ON = /^(?:去年|今年|前年|前几年|这几年|这些年|早年|之前|以前|原来|曾经|曾|一直|平时|平常|刚刚|刚|已经|经常|常年|多年)/;
const GOES_ON_WITH = /^[vdp]/;

/** Or where the member now works or lives (我是襄阳人，在上海上班; 现在在广州打工). */
const LIVES_AT = /^(?:现在|目前|如今|常年|一直|长期)?在[^，,。？?！!；;]{1,10}?(?:上班|打工|工作|做|开|干|当|跑|读书|上学|定居|生活|经商|创业|发展|住|落户|安家)/;

function goesOn(clause: string): boolean {
  if (LIVES_AT.test(clause)) return true;
  const opening = GOES_ON.exec(clause);
  if (!opening) return false;
  const next = tagWords(clause.slice(opening[0].length).replace(/^[\s\p{P}]+/u, ''))[0];
  return next !== undefined && GOES_ON_WITH.test(next.tag);
}

export function withoutSelfDescription(text: string): string {
  let describing = false;
  return text
    .split(CLAUSE_END)
    .filter((clause) => {
      const trimmed = clause.trim();
      const opened = SELF_DESCRIPTION.test(trimmed) || MEMBER_TRIP.test(trimmed) || (describing && goesOn(trimmed));
      describing = opened && !ASKS_IN_CLAUSE.test(clause.replace(MULLING, '').replace(DONE_FEW, '')) && !REPORTS.test(clause);
      return !describing;
    })
    .join('');
}

/** A request to check (请核对, 麻烦帮忙核实一下, 是否属实; 請核實), as a journalist or a careful member ends a figure they give. */
const CHECK_REQUEST =
  '(?:[请請]|麻[烦煩]|劳驾|勞駕|[烦煩][请請])?(?:您|你)?(?:[帮幫]忙|[帮幫]我|[给給])?(?:核[对對实實查准準]|[确確][认認]|查[证證])(?:一下)?|是否(?:[属屬][实實]|[准準][确確]|正[确確]|[无無][误誤]|有[误誤])';

/**
 * The clauses asking the bot to confirm what the member remembers (我记得是三十万左右吧, 是165个
 * 对吧), after the last clause that asks openly: their figure is what the member wants checked,
 * not one they know and ask past. 不是…吗 states what the member takes as known.
 */
const CONFIRMS = new RegExp(`(?:(?<![${BA_NOUNS}])吧|对吧|是吧|是不是|对不对|没错吧|吗|嗎|(?:${CHECK_REQUEST}))[啊呀哈呢]?[？?！!。\\s]*$`);
const RHETORICAL = /(?<!是)不是/;

/**
 * A sentence asking only to have its belief agreed with (泸州那本书不是正式出版了吗？; 难道没在红巷挂牌？): it tells
 * what the member takes as known, and asks nothing of its own.
 */
const BELIEF_ASKED = new RegExp(`(?:${RHETORICAL.source}|不就是|难道|難道|难不成)[^？?]*[吗嗎嘛么麼]?[？?！!。\\s]*$`);

export function statesBelief(sentence: string): boolean {
  return BELIEF_ASKED.test(sentence) && !asksOpenly(sentence);
}

/** Whether a text asks with a question word other than the 吗 or 么 closing a clause, which asks yes or no. */
export function asksOpenly(text: string): boolean {
  return QUESTION_WORD.test(text.replace(/[吗嗎么麼](?=[？?！!。，,；;\s]|$)/gu, ''));
}

const FIGURE = /[\d一二两三四五六七八九十百千万亿]/;
/** How long a figure offered as a guess may be (三十个左右, 七万多吧). */
const GUESS_CHARS = 8;

/** A question's clauses: what lies between its pauses, a space between words being one. */
export function clausesOf(text: string): string[] {
  return withPausesMarked(text)
    .split(CLAUSE_BREAKS)
    .filter((clause) => clause.trim());
}

export function confirmingClauses(text: string): string[] {
  const clauses = clausesOf(text);
  const opens = (clause: string) => QUESTION_WORD.test(clause.trim().replace(CONFIRMS, ''));
  const lastOpen = clauses.reduce((at, clause, i) => (opens(clause) ? i : at), -1);
  // A figure offered last, after the open question (……到底有多少人次参加，七万多？; ……来了多少家，三十个左右), is a guess to be checked.
  const guesses = (clause: string, i: number) =>
    lastOpen >= 0 && i === clauses.length - 1 && FIGURE.test(clause) && Array.from(clause.trim()).length <= GUESS_CHARS;
  const confirms = (clause: string, i = -1) => (CONFIRMS.test(clause.trim()) && !RHETORICAL.test(clause)) || guesses(clause, i);
  // A bare tag (……有两百六十多人，是不是啊; ……，这个数对吧) asks to confirm the clause before it.
  const bareTag = (clause: string) => !FIGURE.test(clause.trim().replace(CONFIRMS, ''));
  return clauses.flatMap((clause, i) => {
    if (i <= lastOpen || !confirms(clause, i)) return [];
    const before = clauses[i - 1];
    return bareTag(clause) && i - 1 > lastOpen && before !== undefined && !confirms(before) && !RHETORICAL.test(before) ? [before, clause] : [clause];
  });
}

/**
 * What a question sets aside (除了联络服务站和支社阵地以外，还共享了什么): the things named between
 * 除了 and 还 (or 另外, 也, 别的, 其他), or a clause ending 以外 or 之外, which the member already knows and does not ask about.
 */
const EXCEPT = /除了?([^，。？?！!]{2,30}?)(?:(?:以外|之外|外)?[，,]?(?=还|另外|也|别的|其他)|(?:以外|之外)[，,])/;

export function exceptedNames(text: string): string[] {
  const m = EXCEPT.exec(text);
  if (!m) return [];
  return m[1].split(/[和与及、跟]/).map((name) => name.trim()).filter((name) => Array.from(name).length >= 2);
}

/**
 * The kind of thing a question asks which one of (哪家酒店, 什么设施, 哪里的实验室): a noun right
 * after the asking word.
 */
const ASKS_WHICH = /(?:哪[家个所座种类位]|什么|哪里的|哪的)(\p{Script=Han}{2,3})/u;

export function askedKind(normalised: string): string | undefined {
  const m = ASKS_WHICH.exec(normalised);
  if (!m) return undefined;
  const [first] = tagWords(m[1]);
  return first && first.tag.startsWith('n') && Array.from(first.word).length >= 2 ? first.word : undefined;
}

/**
 * The kind of answer a question wants, by its question word: a person, a number, a time, a reason, a place.
 * (Normalised forms: 啥时候 and 何时 read 什么时候, 为啥 reads 为什么.)
 */
const ANSWER_KINDS: Array<[string, RegExp]> = [
  ['person', /谁|哪位/],
  ['number', /多少|几(?![乎])/],
  ['time', /什么时候|哪一?年|几月/],
  ['reason', /为什么/],
  // Normalised, 哪里 and 哪儿 read 哪; 在哪些方面 and 在哪一年 ask something else.
  ['place', /(?:在|去|到|是)哪(?![些一二三四五六七八九十几个年天种类方位家所座条项件次批])|什么地方/],
];

/**
 * A question asking for a name or a wording (叫什么, 原话是什么, 起了个什么名号, 借用了一个数学
 * 名词), and nothing else: not why something is so named (为什么起这个名字), who named it, when or
 * how much (这个名字是谁起的), nor a person's name.
 */
const ASKS_WORDING = /叫什么|叫啥|名字|名称|叫法|名号|称号|口号|原话|原文|说法|提法|怎么说|咋说|词|术语|概念|比喻/;
/** A person's name (团长叫什么名字, 创办人叫啥) is asked like a wording but is a fact of its own. */
const ASKS_PERSON = /[长人者员记任师](?:的|是)?(?:叫什么|叫啥|名字|姓名)/;

export function asksForWording(normalised: string): boolean {
  return ASKS_WORDING.test(normalised) && !ASKS_PERSON.test(normalised) && !answerKinds(normalised).length;
}

export function answerKinds(normalised: string): string[] {
  return ANSWER_KINDS.filter(([, pattern]) => pattern.test(normalised)).map(([kind]) => kind);
}

/**
 * Among entries close to the best, those that have what the question points at go before those
 * that lack it: the kind of thing asked named in the answer (酒店 for 哪家酒店), or every name the
 * question quotes written in the entry's own questions (“三同三化”里的“同向”: the entry about 同向,
 * not the one about the whole whose answer only lists it). A tie-break, not a verdict: when every
 * close entry lacks it, the answer may say it in other words.
 */
const CLOSE_TO_BEST = 0.1;
const LACKING = 0.92;

export function preferHaving<T extends { score: number }>(candidates: T[], has: (c: T) => boolean): T[] {
  if (!candidates.length) return candidates;
  const top = Math.max(...candidates.map((c) => c.score));
  const close = candidates.filter((c) => c.score >= top - CLOSE_TO_BEST);
  if (close.some(has) && !close.every(has)) for (const c of close) if (!has(c)) c.score *= LACKING;
  return candidates;
}

/**
 * What the member states before asking how many of the same measure (主题活动有10场次，那集中观摩
 * 活动搞了几场: 10 in 场): a count the member knows, not the one asked. `context` is the question
 * before its asking clause, normalised like the clause.
 */
const ASKED_COUNT = new RegExp(`(?:几|多少)([${MEASURES}])`);

export interface KnownCount {
  measure: string;
  numbers: Set<number>;
}

export function knownCount(context: string, clause: string): KnownCount | undefined {
  const measure = ASKED_COUNT.exec(clause)?.[1];
  const numbers = measure === undefined ? [] : countsIn(context, measure);
  return measure !== undefined && numbers.length ? { measure, numbers: new Set(numbers) } : undefined;
}

/**
 * A whole the member has counted, then a question of a part of it (一季度16场学习里，企业家座谈占几场; 那53个
 * 实践基地里，文化类的有多少个): the text before the turn to the part and after it.
 */
const INTO_PART = /(?:里面|里头|里边|之中|当中|里|中)[，,]|[，,](?:这|那)?(?:里面|里头|里边|当中)/g;

export function wholeAndPart(text: string): { whole: string; part: string } | undefined {
  const turns = [...text.matchAll(INTO_PART)];
  const last = turns[turns.length - 1];
  if (!last?.index) return undefined;
  return { whole: text.slice(0, last.index), part: text.slice(last.index + last[0].length) };
}

/** Whether an answer's counts in the measure asked are all known to the member (活动10场次 against a known 10场). */
export function givesOnlyKnown(answerText: string, known: KnownCount): boolean {
  const given = countsIn(answerText, known.measure);
  return given.length > 0 && given.every((n) => known.numbers.has(n));
}
