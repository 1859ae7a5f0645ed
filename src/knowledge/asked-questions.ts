import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { atOnce, type Steps } from '../common/steps';
import { readYaml } from '../common/yaml';
import { KnowledgeFileError, SHIPPED_ID, yamlFilesOf } from './knowledge-file';

/** The longest asked question kept: a member's question, not a document. */
const MAX_ASKED_CHARS = 200;

const askedSchema = z.strictObject({
  entry: z.string().regex(SHIPPED_ID, 'expected an entry id'),
  text: z.string().trim().min(1, 'expected non-empty text').max(MAX_ASKED_CHARS),
  /** The words of the source the question asks about. */
  fact: z.string().trim().min(1).optional(),
  /** false: the entry comes close to the question but does not answer it (a place, year or detail changed). */
  answers: z.boolean().default(true),
  /** What makes the entry's fact not the one asked (地点由德阳改为绵阳…), for the reader of the file. */
  changed: z.string().trim().min(1).optional(),
});

export interface AskedQuestions {
  /** Questions an entry answers, in members' words. */
  answered: Map<string, string[]>;
  /** Questions close to an entry that it does not answer. */
  notAnswered: Map<string, string[]>;
}

/**
 * Questions members asked of an entry in their own words (knowledge/asked/*.yaml), by entry id:
 * those it answers, and those close to it that it does not (`answers: false`). They teach the
 * matcher wording, not facts: an entry's places, years and figures come from its own question,
 * similar questions and answer (see KnowledgeIndex). A missing folder is no error.
 * `except`: file names left out (an evaluation set's own questions, to measure it as unseen).
 */
export function loadAskedQuestions(dir: string, options: { except?: string[] } = {}): AskedQuestions {
  return atOnce(readAskedQuestions(dir, options));
}

/** loadAskedQuestions in steps, one file a step (see common/steps). */
export function* readAskedQuestions(dir: string, { except = [] as string[] } = {}): Steps<AskedQuestions> {
  const asked: AskedQuestions = { answered: new Map(), notAnswered: new Map() };
  if (!existsSync(dir)) return asked;
  for (const file of yamlFilesOf(dir).filter((name) => !except.includes(name))) {
    yield;
    let data: unknown;
    try {
      data = readYaml(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new KnowledgeFileError(`asked/${file}: ${(error as Error).message}`);
    }
    if (data === null || data === undefined) continue;
    if (!Array.isArray(data)) throw new KnowledgeFileError(`asked/${file}: expected a list of questions`);
    data.forEach((raw: unknown, index) => {
      const parsed = askedSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new KnowledgeFileError(`asked/${file}: question ${index + 1}: ${issue.path.join('.') || '(item)'}: ${issue.message}`);
      }
      const { entry, text, answers } = parsed.data;
      const byEntry = answers ? asked.answered : asked.notAnswered;
      const list = byEntry.get(entry) ?? [];
      if (!list.includes(text)) list.push(text);
      byEntry.set(entry, list);
    });
  }
  return asked;
}
