import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { atOnce, type Steps } from '../common/steps';
import { readYaml } from '../common/yaml';

const text = z.string().trim().min(1, 'expected non-empty text');

/** A shipped entry's id, as entries and the questions asked of them name it. */
export const SHIPPED_ID = /^[a-z0-9][a-z0-9-]*$/;

const entrySchema = z.strictObject({
  id: z.string().regex(SHIPPED_ID, 'expected lower-case letters, digits and dashes (e.g. deyang-funding)'),
  question: text,
  similar: z.array(text).default([]),
  answer: text,
  tags: z.array(text).default([]),
  threshold: z.number().min(0).max(1).nullable().optional(),
  source: z.strictObject({
    file: text,
    quote: text,
  }),
});

/** One question-and-answer entry of a shipped knowledge file. */
export type KnowledgeFileEntry = z.output<typeof entrySchema>;

export class KnowledgeFileError extends Error {}

function describePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Parses and validates one knowledge YAML file (a list of entries); errors name the file, entry and field. */
export function parseKnowledgeYaml(yamlText: string, fileName: string): KnowledgeFileEntry[] {
  let data: unknown;
  try {
    data = readYaml(yamlText);
  } catch (error) {
    throw new KnowledgeFileError(`${fileName}: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new KnowledgeFileError(`${fileName}: expected a list of entries`);

  return data.map((raw: unknown, index) => {
    const parsed = entrySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? ` (id ${(raw as { id: string }).id})` : '';
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? describePath(issue.path).slice(1) : '(entry)';
    throw new KnowledgeFileError(`${fileName}: entry ${index + 1}${id}: ${field}: ${issue.message}`);
  });
}

/** The *.yaml / *.yml files of a folder (not its subfolders), in name order. */
export function yamlFilesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && /\.ya?ml$/i.test(f.name))
    .map((f) => f.name)
    .sort();
}

/** Loads every YAML file of a folder (see yamlFilesOf). Ids must be unique across files. */
export function loadKnowledgeDir(dir: string): KnowledgeFileEntry[] {
  return atOnce(readKnowledgeDir(dir));
}

/** loadKnowledgeDir in steps, one file a step (see common/steps). */
export function* readKnowledgeDir(dir: string): Steps<KnowledgeFileEntry[]> {
  const files = yamlFilesOf(dir);
  const seen = new Map<string, string>();
  const entries: KnowledgeFileEntry[] = [];
  for (const file of files) {
    yield;
    for (const entry of parseKnowledgeYaml(readFileSync(join(dir, file), 'utf8'), file)) {
      const first = seen.get(entry.id);
      if (first) throw new KnowledgeFileError(`${file}: id ${entry.id} is already used in ${first}`);
      seen.set(entry.id, file);
      entries.push(entry);
    }
  }
  return entries;
}
