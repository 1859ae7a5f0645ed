import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readYaml } from '../common/yaml';
import { KnowledgeFileError, SHIPPED_ID, yamlFilesOf } from './knowledge-file';

/** The longest asked question kept: a member's question, not a document. */
const MAX_ASKED_CHARS = 200;

const askedSchema = z.strictObject({
  entry: z.string().regex(SHIPPED_ID, 'expected an entry id'),
  text: z.string().trim().min(1, 'expected non-empty text').max(MAX_ASKED_CHARS),
  /** The words of the source the question asks about. */
  fact: z.string().trim().min(1).optional(),
});

/**
 * Questions members asked of an entry in their own words (knowledge/asked/*.yaml), by entry id.
 * They teach the matcher wording, not facts: an entry's places, years and figures come from its
 * own question, similar questions and answer (see KnowledgeIndex). A missing folder is no error.
 */
export function loadAskedQuestions(dir: string): Map<string, string[]> {
  const asked = new Map<string, string[]>();
  if (!existsSync(dir)) return asked;
  for (const file of yamlFilesOf(dir)) {
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
      const list = asked.get(parsed.data.entry) ?? [];
      if (!list.includes(parsed.data.text)) list.push(parsed.data.text);
      asked.set(parsed.data.entry, list);
    });
  }
  return asked;
}
