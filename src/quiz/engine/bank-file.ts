import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { readYaml, YamlFormatError } from '../../common/yaml';
import { lettersIn } from './answer-parser';
import { DEFAULT_POINTS, QUESTION_TYPES } from './types';
import type { BankDefinition, QuestionDefinition, QuestionType } from './types';
import { questionProblem, repeatedKey, trueFalseAnswer } from './validate';

export class BankFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

// YAML reads unquoted 20 as a number; options and accepted answers are text either way.
const text = z.union([z.string(), z.number()]).transform(String);

const bankSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, '只能用小写字母、数字、- 或 _'),
  title: z.string().trim().min(1, '为空'),
  description: z.string().nullish(),
  questions: z.array(z.unknown()).min(1, '没有题目'),
});

const questionSchema = z.strictObject({
  id: text.pipe(z.string().trim().min(1, '为空')),
  type: z.enum(QUESTION_TYPES as [QuestionType, ...QuestionType[]], { error: `应为 ${QUESTION_TYPES.join('、')} 之一` }),
  stem: z.string(),
  options: z.array(text).nullish(),
  answer: z.union([z.boolean(), text, z.array(text)]),
  explanation: z.string().nullish(),
  points: z.number().optional(),
  tags: z.array(text).nullish(),
  source: z.strictObject({ file: z.string().min(1, '为空'), quote: z.string().min(1, '为空') }).nullish(),
});

type RawQuestion = z.output<typeof questionSchema>;

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/** The answer in its stored form, or a reason it cannot be read. */
function canonicalAnswer(raw: RawQuestion): string[] | string {
  const { type, answer } = raw;
  if (type === 'fill') return (Array.isArray(answer) ? answer : [String(answer)]).map((a) => a.trim());
  if (type === 'truefalse') {
    const value = Array.isArray(answer) ? undefined : trueFalseAnswer(answer);
    return value ? [value] : `answer: 判断题的答案应为 true 或 false，现为 ${JSON.stringify(answer)}`;
  }
  const letters = typeof answer === 'boolean' ? undefined : lettersIn(Array.isArray(answer) ? answer.join(',') : answer);
  return letters ?? `answer: ${JSON.stringify(answer)} 不是选项字母（应写成 B 或 ACD 这样）`;
}

/** Reads one bank file; every error names the file, and for a question its number (from 1), id and field. */
export function parseBankYaml(yamlText: string, fileName: string): BankDefinition {
  let data: unknown;
  try {
    data = readYaml(yamlText);
  } catch (err) {
    if (err instanceof YamlFormatError) throw new BankFileError(fileName, err.message);
    throw err;
  }
  const bank = bankSchema.safeParse(data);
  if (!bank.success) throw new BankFileError(fileName, issueText(bank.error));

  const questions = bank.data.questions.map((rawQuestion, index): QuestionDefinition => {
    const rawId = (rawQuestion as { id?: unknown } | null)?.id;
    const fail = (reason: string): never => {
      throw new BankFileError(fileName, `第${index + 1}题${rawId === undefined ? '' : `（${String(rawId)}）`}：${reason}`);
    };
    const parsed = questionSchema.safeParse(rawQuestion);
    if (!parsed.success) return fail(issueText(parsed.error));
    const raw = parsed.data;
    const answer = canonicalAnswer(raw);
    if (typeof answer === 'string') return fail(answer);
    const question: QuestionDefinition = {
      key: raw.id,
      type: raw.type,
      stem: raw.stem.trim(),
      options: (raw.options ?? []).map((o) => o.trim()),
      answer,
      points: raw.points ?? DEFAULT_POINTS,
      tags: (raw.tags ?? []).map((t) => t.trim()).filter(Boolean),
    };
    if (raw.explanation?.trim()) question.explanation = raw.explanation.trim();
    if (raw.source) question.source = { file: raw.source.file, quote: raw.source.quote };
    const problem = questionProblem(question);
    if (problem) fail(problem);
    return question;
  });

  const repeated = repeatedKey(questions);
  if (repeated) {
    throw new BankFileError(fileName, `第${repeated.second + 1}题（${repeated.key}）：id ${repeated.key} 已被第${repeated.first + 1}题使用`);
  }
  const result: BankDefinition = { slug: bank.data.slug, title: bank.data.title.trim(), questions };
  if (bank.data.description?.trim()) result.description = bank.data.description.trim();
  return result;
}

/** Reads every *.yaml / *.yml bank in a folder, in file-name order; slugs must be unique. */
export async function loadBankDir(dir: string): Promise<BankDefinition[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  const banks: BankDefinition[] = [];
  const fileOfSlug = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const bank = parseBankYaml(await readFile(file, 'utf8'), file);
    const other = fileOfSlug.get(bank.slug);
    if (other) throw new BankFileError(file, `slug ${bank.slug} is already used by ${other}`);
    fileOfSlug.set(bank.slug, file);
    banks.push(bank);
  }
  return banks;
}

function answerForYaml(question: QuestionDefinition): string | boolean | string[] {
  if (question.type === 'truefalse') return question.answer[0] === 'true';
  if (question.type === 'fill') return question.answer;
  return question.answer.join('');
}

/** The bank in the shipped file layout; parseBankYaml reads it back to an equal bank. */
export function bankToYaml(bank: BankDefinition): string {
  const document = {
    slug: bank.slug,
    title: bank.title,
    ...(bank.description ? { description: bank.description } : {}),
    questions: bank.questions.map((q) => ({
      id: q.key,
      type: q.type,
      stem: q.stem,
      ...(q.options.length ? { options: q.options } : {}),
      answer: answerForYaml(q),
      ...(q.explanation ? { explanation: q.explanation } : {}),
      points: q.points,
      tags: q.tags,
      ...(q.source ? { source: { file: q.source.file, quote: q.source.quote } } : {}),
    })),
  };
  return stringify(document, { lineWidth: 0 });
}
