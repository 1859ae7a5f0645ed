import type { KnowledgeIndex, MatchCandidate } from './knowledge-index';
import { asksForWording, isLongQuestion, sentencesWithEnds, statesBelief } from './asking';
import { askingClausesOf } from './question-type';
import { optionReadings } from './alternatives';
import { questionText } from './question-text';
import { QUESTION_WORD } from './details';
import { ANSWER_MODEL, answerFeatures, answerLikelihood, type AnswerModel } from './answer-model';

export interface Thresholds {
  /** Confidence from which the best entry is answered directly (an entry may set its own). */
  answer: number;
  /** Confidence from which entries are offered as "did you mean". */
  suggest: number;
}

/** Tuned on test/fixtures/qa-dev.yaml: the service should use the same defaults. */
export const DEFAULT_THRESHOLDS: Thresholds = { answer: 0.56, suggest: 0.35 };

export type Decision =
  /** `also`: entries the question asks about beside entryId (“四有”“四立”分别指什么), answered after it. */
  | { kind: 'answer'; entryId: string; also?: string[]; score: number; suggestions: MatchCandidate[] }
  | { kind: 'suggest'; score: number; suggestions: MatchCandidate[] }
  | { kind: 'none'; score: number; suggestions: MatchCandidate[] };

const MAX_SUGGESTIONS = 3;
/**
 * When the runner-up scores within this of the best, the matcher cannot tell which of two facts
 * is asked: offering both is better than a coin toss that may state the wrong one.
 */
export const AMBIGUITY_MARGIN = 0.03;

/**
 * A long question tells a story before it asks (我们县想学襄阳的做法，……完整的是怎么说的): its
 * context is wording no entry repeats, so even the entry it asks about explains only part of it.
 * Such a question is answered below the answer threshold when its best entry stands well clear
 * of every other one: `lead` times the runner-up's confidence, and at least `floor`.
 */
const LONG_QUESTION = { lead: 1.3, floor: 0.4 };

/**
 * A question asking for a name or a wording describes what is named in its own words (名字像个大家
 * 围坐一起聊天的“吧”，叫什么): the name it lacks is what the entry writes, so even the right entry
 * explains less of it. Its best entry is answered from `floor` when it leads the runner-up `lead` times.
 */
const WORDING_ASKED = { lead: 1.5, floor: 0.45 };

/**
 * A question built on a figure the best entry gives otherwise (德阳国家级基地每个奖10万，评上三个能拿多少)
 * explains less of that entry than a question without it, however much it is about it: the entry's
 * answer states the right figure and what is asked. It is answered from `floor` when it leads the runner-up `lead` times,
 * unless its answer lacks the kind of fact asked (襄阳建的两百个基地，每个基地一年配多少经费): the correction
 * does not answer the member, who gets it as a suggestion.
 */
const CORRECTED = { lead: 1.3, floor: 0.35 };

/** Every entry an answer gives, its best first. */
export function answeredIds(decision: Decision): string[] {
  return decision.kind === 'answer' ? [decision.entryId, ...(decision.also ?? [])] : [];
}

/**
 * Answer, suggest up to three entries, or admit there is no answer. The rules below decide first; the
 * answer model (answer-model.ts), learnt at the default thresholds, then weighs their decision (see
 * `weighed`). `suggestions` holds the other entries above the suggest threshold when answering, and is
 * empty for `none`. A best entry above its answer threshold is only suggested when another entry comes
 * within AMBIGUITY_MARGIN. A long question's best entry may be answered below the threshold
 * (LONG_QUESTION), and so may that of a question asking for a name or a wording (WORDING_ASKED), and that
 * of a question built on a figure the entry corrects (CORRECTED). When the two best entries both reach
 * their thresholds and the question names each of them, it asks about both (“四有”“四立”分别指什么), and
 * both are answered; so they are when each is the best of one of the question's asking clauses (see
 * asksEach), the second from the suggest threshold (or its own), since the whole question is only half
 * about it. A known near miss is never the second.
 */
export function decide(index: KnowledgeIndex, written: string, thresholds: Thresholds, model: AnswerModel | null = ANSWER_MODEL): Decision {
  const { text, matches, ruled } = firstReading(index, written, thresholds);
  const decision = model && learntAt(model, thresholds) ? weighed(index, text, matches, ruled, thresholds, model) : ruled;
  if (decision.kind === 'answer') return decision;
  return optionAnswered(index, text, matches[0]?.id, thresholds) ?? firstAsked(index, text, thresholds) ?? decision;
}

/**
 * What the answer model reads of a question, whether it weighs the rules' decision at all, and the
 * entries answering would give: those the rules answer, or else the best entry when the model may answer
 * it; none when neither may.
 */
export function answerEvidence(index: KnowledgeIndex, written: string, thresholds: Thresholds): { features: number[]; answers: string[]; weighs: boolean } {
  const { text, matches, ruled } = firstReading(index, written, thresholds);
  const weighs = weighable(index, matches, ruled, thresholds);
  const answers = ruled.kind === 'answer' ? answeredIds(ruled) : weighs ? [matches[0].id] : [];
  return { features: answerFeatures(text, matches, ruled.kind === 'answer'), answers, weighs };
}

/** The question as the index reads it, its best matches, and the rules' decision on them. */
function firstReading(index: KnowledgeIndex, written: string, thresholds: Thresholds): { text: string; matches: MatchCandidate[]; ruled: Decision } {
  // Read as the index reads it: a quiz question's choices do not make it long, nor ask a clause of their own.
  const text = questionText(written);
  const matches = index.match(text, MAX_SUGGESTIONS + 1);
  return { text, matches, ruled: decideOn(index, text, matches, thresholds) };
}

function learntAt(model: AnswerModel, thresholds: Thresholds): boolean {
  return model.trainedAt.answer === thresholds.answer && model.trainedAt.suggest === thresholds.suggest;
}

/**
 * The rules' decision as the answer model weighs it: an answer it finds less likely right than its
 * threshold is offered as a suggestion, and a suggestion of the best entry it finds likely enough is
 * answered (see `weighable` for the decisions it leaves alone).
 */
function weighed(index: KnowledgeIndex, text: string, matches: MatchCandidate[], ruled: Decision, thresholds: Thresholds, model: AnswerModel): Decision {
  if (!weighable(index, matches, ruled, thresholds)) return ruled;
  const [best] = matches;
  const answering = ruled.kind === 'answer';
  const likely = answerLikelihood(answerFeatures(text, matches, answering), model) >= model.threshold;
  if (answering && !likely) {
    const offered = matches.filter((m) => m.id === best.id || m.score >= thresholds.suggest);
    return { kind: 'suggest', score: ruled.score, suggestions: offered.slice(0, MAX_SUGGESTIONS) };
  }
  if (!answering && likely) {
    const others = matches.slice(1).filter((m) => m.score >= thresholds.suggest);
    return { kind: 'answer', entryId: best.id, score: best.score, suggestions: others.slice(0, MAX_SUGGESTIONS) };
  }
  return ruled;
}

/**
 * Whether the answer model weighs the rules' decision. Not when the best entry has a threshold of its own
 * (an imported FAQ's), which decides it; not an answer of two entries, which the rules give only when the
 * question names or asks each of them, so close in confidence by nature; and a suggestion only when its
 * best entry leads it (no entry correcting the member comes first) and is not a near miss.
 */
function weighable(index: KnowledgeIndex, matches: MatchCandidate[], ruled: Decision, thresholds: Thresholds): boolean {
  const best = matches[0];
  if (!best || index.thresholdOf(best.id) !== undefined) return false;
  if (ruled.kind === 'answer') return !ruled.also?.length;
  return ruled.kind === 'suggest' && !best.nearMiss && best.score >= thresholds.suggest && ruled.suggestions[0]?.id === best.id;
}

/**
 * A message asking in two sentences or more (……一个给多少奖励啊？要是评上国家级的又给多少) asks two facts,
 * whose details (市级, 国家级) no one entry has: when the whole is not answered, its first question,
 * read with the context before it, is answered alone when it is answered outright and well clear.
 */
function firstAsked(index: KnowledgeIndex, text: string, thresholds: Thresholds): Decision | undefined {
  const sentences = sentencesWithEnds(text);
  const asking = sentences.map((sentence) => QUESTION_WORD.test(sentence) && !statesBelief(sentence));
  const first = asking.indexOf(true);
  if (first < 0 || asking.filter(Boolean).length < 2) return undefined;
  const question = sentences.slice(0, first + 1).join('');
  const matches = index.match(question, MAX_SUGGESTIONS + 1);
  const [best, second] = matches;
  // Only a first question answered outright, well clear of any other entry: a guess past suggestions would be worse than them.
  if (!best || best.nearMiss || best.score < (index.thresholdOf(best.id) ?? thresholds.answer) || best.score < FIRST_ASKED_LEAD * (second?.score ?? 0)) return undefined;
  const decided = decideOn(index, question, matches, thresholds);
  return decided.kind === 'answer' && decided.entryId === best.id ? decided : undefined;
}

/** How many times the runner-up's confidence a message's first question must have to be answered alone (as LONG_QUESTION's lead). */
const FIRST_ASKED_LEAD = 1.3;

/**
 * A question offering a choice (是民革还是民盟) answered as one of its options would be: by the entry it
 * already matched best, writing that option, when the other option's reading is not answered. The knowledge
 * writing neither (剪纸还是刺绣), both options read alike.
 */
function optionAnswered(index: KnowledgeIndex, text: string, bestId: string | undefined, thresholds: Thresholds): Decision | undefined {
  const answered = optionReadings(text).flatMap(({ text: option, distinct }) => {
    const decided = decideOn(index, option, index.match(option, MAX_SUGGESTIONS + 1), thresholds);
    return decided.kind === 'answer' ? [{ decided, distinct }] : [];
  });
  if (answered.length !== 1) return undefined;
  const [{ decided, distinct }] = answered;
  const head = Array.from(distinct).slice(0, OPTION_HEAD).join('');
  return decided.entryId === bestId && (!distinct || index.answerWrites(decided.entryId, head)) ? decided : undefined;
}

/** How much of what sets an option apart its entry's answer must write (民革襄阳市委会 against 民盟: 革襄). */
const OPTION_HEAD = 2;

function decideOn(index: KnowledgeIndex, text: string, matches: MatchCandidate[], thresholds: Thresholds): Decision {
  const best = matches[0];
  if (!best) return { kind: 'none', score: 0, suggestions: [] };
  const plausible = matches.filter((m) => m.score >= thresholds.suggest);
  // A question like one the best entry is known not to answer gets it as a suggestion at most.
  if (best.nearMiss) return suggestOrNone(best, plausible, thresholds);
  const own = index.thresholdOf(best.id);
  const answerAt = own ?? thresholds.answer;
  const second = matches[1];
  const runnerUp = second?.score ?? 0;
  if (
    second &&
    best.score >= answerAt &&
    !second.nearMiss &&
    ((runnerUp >= (index.thresholdOf(second.id) ?? thresholds.answer) && index.namesEach(text, [best.id, second.id])) ||
      (runnerUp >= (index.thresholdOf(second.id) ?? thresholds.suggest) && asksEach(index, text, [best.id, second.id])))
  ) {
    return { kind: 'answer', entryId: best.id, also: [second.id], score: best.score, suggestions: plausible.slice(2, 2 + MAX_SUGGESTIONS) };
  }
  // An entry's own threshold (an imported FAQ's) is kept as set.
  const clearOf = ({ floor, lead }: { floor: number; lead: number }) => best.score >= floor && best.score >= lead * runnerUp;
  // Context explains why a long question's best entry scores low, not an answer lacking what it asks for.
  const standsOut =
    own === undefined && ((isLongQuestion(text) && !best.lacksAsked && clearOf(LONG_QUESTION)) || (asksForWording(index.normalise(text)) && clearOf(WORDING_ASKED)) ||
      (best.corrects === true && !best.lacksAsked && clearOf(CORRECTED)));
  if ((best.score >= answerAt || standsOut) && best.score - runnerUp >= AMBIGUITY_MARGIN) {
    const correcting = index.contradicting(text, best.id, thresholds.answer);
    if (correcting) {
      const suggestions = [correcting, ...plausible.filter((m) => m.id !== correcting.id)].slice(0, MAX_SUGGESTIONS);
      return { kind: 'suggest', score: best.score, suggestions };
    }
    const others = plausible.slice(1, 1 + MAX_SUGGESTIONS);
    return { kind: 'answer', entryId: best.id, score: best.score, suggestions: others };
  }
  return suggestOrNone(best, plausible, thresholds);
}

/**
 * Whether the question asks two things, one of each entry, in clauses of its own (一年交了多少议案
 * 建议，有几件被列为督办了): each entry is the best match of a different asking clause.
 */
function asksEach(index: KnowledgeIndex, text: string, ids: string[]): boolean {
  // Most questions ask in one clause: matching clause by clause is left to the few that ask in two or more.
  const clauses = askingClausesOf(text);
  if (clauses.length < 2) return false;
  const bests = clauses.map((clause) => index.match(clause, 1)[0]?.id);
  return ids.every((id) => bests.includes(id));
}

function suggestOrNone(best: MatchCandidate, plausible: MatchCandidate[], thresholds: Thresholds): Decision {
  if (best.score >= thresholds.suggest) {
    return { kind: 'suggest', score: best.score, suggestions: plausible.slice(0, MAX_SUGGESTIONS) };
  }
  return { kind: 'none', score: best.score, suggestions: [] };
}
