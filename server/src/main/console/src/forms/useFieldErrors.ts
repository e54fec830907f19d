// Errors from a form's submission, shown where they belong: each `errors[]` entry of a validation problem beside
// its field, known business codes beside the field they are about (e.g. WRONG_PASSWORD beside the old password),
// anything else above the form. The form's values are never touched, so nothing typed is lost.
import { reactive, ref, watch } from 'vue';

import { ApiError, messageOf } from '@/api/problem';

export interface FieldErrors {
  /** Message per field name (as the server names it, e.g. `title`, `drawRules[0].count`). */
  readonly fields: Record<string, string>;
  /** A message that belongs to no single field. */
  readonly summary: { value: string };
  status(field: string): 'error' | undefined;
  tip(field: string): string | undefined;
  show(error: unknown): void;
  clear(): void;
  /** Drops a field's message as soon as its value is edited. */
  forgetOnEdit(form: Record<string, unknown>): void;
}

export function useFieldErrors(codeFields: Record<string, string> = {}): FieldErrors {
  const fields = reactive<Record<string, string>>({});
  const summary = ref('');
  /** The summary only points at the fields ("见标红的项"): it goes when they are all corrected. */
  let summaryPointsAtFields = false;

  function clear() {
    for (const key of Object.keys(fields)) delete fields[key];
    summary.value = '';
    summaryPointsAtFields = false;
  }

  function show(error: unknown) {
    clear();
    if (!(error instanceof ApiError)) {
      summary.value = messageOf(error);
      return;
    }
    const listed = error.problem.errors ?? [];
    for (const { field, message } of listed) {
      fields[field] = fields[field] ? `${fields[field]}；${message}` : message;
    }
    const codeField = error.code ? codeFields[error.code] : undefined;
    if (codeField) {
      fields[codeField] = error.message;
    } else if (listed.length === 0) {
      summary.value = error.message;
    } else {
      summary.value = `${error.message}（见标红的项）`;
      summaryPointsAtFields = true;
    }
  }

  function forgetOnEdit(form: Record<string, unknown>) {
    for (const key of Object.keys(form)) {
      watch(() => JSON.stringify(form[key]), () => {
        delete fields[key];
        if (summaryPointsAtFields && Object.keys(fields).length === 0) {
          summary.value = '';
          summaryPointsAtFields = false;
        }
      });
    }
  }

  return {
    fields,
    summary,
    forgetOnEdit,
    status: (field) => (fields[field] ? 'error' : undefined),
    tip: (field) => fields[field],
    show,
    clear,
  };
}
