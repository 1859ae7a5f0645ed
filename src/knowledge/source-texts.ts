import { readFileSync } from 'node:fs';
import path from 'node:path';
import { passageOf } from './matching';

/**
 * The source texts of a knowledge folder (knowledge/sources), each read once: where an entry's
 * quote was reported. An entry's source file is a bare file name in that folder; any other name
 * (a path, a file that is not there) gives no passage.
 */
export class SourceTexts {
  private readonly texts = new Map<string, string | undefined>();

  constructor(private readonly dir: string) {}

  passage(file: string | null | undefined, quote: string | null | undefined): string | undefined {
    if (!file || !quote || path.basename(file) !== file || file.startsWith('.')) return undefined;
    if (!this.texts.has(file)) this.texts.set(file, readIfPresent(path.join(this.dir, file)));
    const text = this.texts.get(file);
    return text === undefined ? undefined : passageOf(text, quote);
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
