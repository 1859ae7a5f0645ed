import { ApiError } from './api';

/** A bad row of an upload; `row` is null when the problem is the whole file. */
export interface RowError {
  row: number | null;
  reason: string;
  sheet?: string;
}

/** Every bad row an upload was refused for (the 400's `errors`), or none when the refusal is about something else. */
export function rowErrorsOf(err: unknown): RowError[] {
  return err instanceof ApiError && Array.isArray(err.body?.errors) ? err.body.errors : [];
}

export function formOf(file: File, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
  form.set('file', file, file.name);
  return form;
}
