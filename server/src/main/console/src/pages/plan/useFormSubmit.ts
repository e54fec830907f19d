// Sending a form the same way on every plan page: our own checks first (shown beside their fields, nothing sent),
// then the call, whose refusal is shown beside the fields it names; `saving` drives the button's spinner. The
// form's values are never touched, so nothing typed is lost.
import { ref } from 'vue';

import type { FieldErrors } from '@/forms/useFieldErrors';

export function useFormSubmit(errors: FieldErrors) {
  const saving = ref(false);

  /** The call's answer, or undefined when the form was not sent or the server refused it. */
  async function submit<T>(problems: Record<string, string>, send: () => Promise<T>): Promise<T | undefined> {
    errors.clear();
    if (Object.keys(problems).length > 0) {
      Object.assign(errors.fields, problems);
      return undefined;
    }
    saving.value = true;
    try {
      return await send();
    } catch (error) {
      errors.show(error);
      return undefined;
    } finally {
      saving.value = false;
    }
  }

  return { saving, submit };
}
