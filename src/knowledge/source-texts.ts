import { readFileSync } from 'node:fs';
import path from 'node:path';
import { paragraphsOf, passageIn, type SourceParagraphs } from './matching';

/**
 * The source texts of a knowledge folder (knowledge/sources), each read and cut into paragraphs once: where an entry's
 * quote was reported. An entry's source file is a bare file name in that folder; any other name
 * (a path, a file that is not there) gives no passage.
 */
export class SourceTexts {
  private readonly texts = new Map<string, SourceParagraphs | undefined>();

  constructor(private readonly dir: string) {}

  passage(file: string | null | undefined, quote: string | null | undefined): string | undefined {
    if (!file || !quote || path.basename(file) !== file || file.startsWith('.')) return undefined;
    if (!this.texts.has(file)) {
      const text = readIfPresent(path.join(this.dir, file));
      this.texts.set(file, text === undefined ? undefined : paragraphsOf(text));
    }
    const source = this.texts.get(file);
    return source === undefined ? undefined : passageIn(source, quote);
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
