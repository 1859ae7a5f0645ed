import { join } from 'node:path';
import { loadAskedQuestions } from './asked-questions';
import { loadKnowledgeDir } from './knowledge-file';
import { type IndexableEntry, KnowledgeIndex } from './matching';
import { SourceTexts } from './source-texts';

/**
 * The matcher over a knowledge folder's shipped files as they stand (entries, their source
 * passages and the questions asked of them), for the evaluation and the collection scripts;
 * the service builds its own from the database, where organisers' edits live.
 * `withNotAnswered: false` leaves out the questions the entries do not answer; `exceptAsked`
 * leaves out those asked/ files.
 */
export function shippedIndex(knowledgeDir: string, options: { withNotAnswered?: boolean; exceptAsked?: string[] } = {}): KnowledgeIndex {
  return new KnowledgeIndex(shippedEntries(knowledgeDir, options));
}

/** The entries shippedIndex indexes. */
export function shippedEntries(knowledgeDir: string, { withNotAnswered = true, exceptAsked = [] as string[] } = {}): IndexableEntry[] {
  const sources = new SourceTexts(join(knowledgeDir, 'sources'));
  const asked = loadAskedQuestions(join(knowledgeDir, 'asked'), { except: exceptAsked });
  return loadKnowledgeDir(knowledgeDir).map((entry) => ({
    ...entry,
    passage: sources.passage(entry.source.file, entry.source.quote),
    asked: asked.answered.get(entry.id),
    notAnswered: withNotAnswered ? asked.notAnswered.get(entry.id) : undefined,
  }));
}
