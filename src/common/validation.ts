import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';

/** Zod's own messages (too long, not a number...) in Chinese, for organisers; a schema's own message still wins. */
const CHINESE_ISSUES = z.locales.zhCN().localeError;

/** Validates untrusted input; the 400 names the first wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'body'): z.output<S> {
  const result = schema.safeParse(input, { error: CHINESE_ISSUES });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : what;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${issue.message}`, field });
}

/** An OpenAPI schema for a zod schema, for @ApiBody / @ApiResponse. */
export function openApiSchema(schema: z.ZodType): Record<string, any> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  delete json.$schema;
  return json;
}

/** `?dryRun=true` asks for a preview that writes nothing. */
export function isDryRun(value: string | undefined): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'dryRun: 应为 true 或 false。', field: 'dryRun' });
}
