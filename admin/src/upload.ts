import { ApiError } from './api';

export interface RowError {
  row: number | string;
  reason: string;
  sheet?: string;
}

/** Every bad row an upload was refused for: the list when the API sends one, else the one it names. */
export function rowErrorsOf(err: unknown): RowError[] {
  if (!(err instanceof ApiError)) return [];
  const body = err.body ?? {};
  if (Array.isArray(body.errors)) return body.errors;
  if (body.row !== undefined) return [{ row: body.row, reason: body.reason ?? err.message, sheet: body.sheet }];
  return [];
}

export function formOf(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
  form.set('file', file, file.name);
  return form;
}
