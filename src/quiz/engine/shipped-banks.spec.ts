import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bankToYaml, loadBankDir, parseBankYaml } from './bank-file';
import { bankToSheet, parseBankSheets } from './bank-table';
import type { BankDefinition } from './types';

const root = resolve(__dirname, '../../..');
const sourcesDir = join(root, 'knowledge/sources');

describe('shipped quiz banks (quizzes/*.yaml)', () => {
  let banks: BankDefinition[];

  beforeAll(async () => {
    banks = await loadBankDir(join(root, 'quizzes'));
  });

  it('load and validate', () => {
    expect(banks.length).toBeGreaterThanOrEqual(2);
    for (const bank of banks) expect(bank.questions.length).toBeGreaterThan(0);
  });

  it('cite a seed file with a verbatim quote for every question', () => {
    const missing: string[] = [];
    for (const bank of banks) {
      for (const question of bank.questions) {
        const source = question.source;
        if (!source) {
          missing.push(`${bank.slug}/${question.key}: no source`);
          continue;
        }
        const file = join(sourcesDir, source.file);
        if (!existsSync(file)) {
          missing.push(`${bank.slug}/${question.key}: ${source.file} is not in knowledge/sources`);
        } else if (!readFileSync(file, 'utf8').includes(source.quote)) {
          missing.push(`${bank.slug}/${question.key}: quote not found in ${source.file}: ${source.quote}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('round-trip through YAML and the spreadsheet layout', () => {
    for (const bank of banks) {
      expect(parseBankYaml(bankToYaml(bank), `${bank.slug}.yaml`)).toEqual(bank);
      const sheet = bankToSheet(bank);
      const rows = [sheet.header, ...sheet.rows.map((r) => r.map(String))];
      expect(parseBankSheets([{ name: sheet.name, rows }])).toEqual(bank.questions);
    }
  });
});
