import { reactive } from 'vue';
import { ApiError } from './api';

/**
 * The API's errors for a form: one that names a field the form shows goes under that field, any
 * other above the form. Field names are the API's (`title`, `audience.units`, `endsAt`).
 */
export function useFieldErrors(shown: string[]) {
  const state = reactive({ fields: {} as Record<string, string>, general: '' });
  return {
    state,
    clear() {
      state.fields = {};
      state.general = '';
    },
    show(err: unknown) {
      const message = err instanceof Error ? err.message : String(err);
      // A list body names its item first (0.name): the form edits one item at a time.
      const field = err instanceof ApiError && err.field ? err.field.replace(/^\d+\./, '') : '';
      if (field && shown.some((name) => field === name || field.startsWith(`${name}.`))) state.fields = { ...state.fields, [field]: message };
      else state.general = message;
    },
    of(...names: string[]): string {
      for (const name of names) for (const [key, text] of Object.entries(state.fields)) if (key === name || key.startsWith(`${name}.`)) return text;
      return '';
    },
  };
}
