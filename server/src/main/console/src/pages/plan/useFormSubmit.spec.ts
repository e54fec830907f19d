import { describe, expect, it } from 'vitest';

import { ApiError } from '@/api/problem';
import { useFieldErrors } from '@/forms/useFieldErrors';
import { useFormSubmit } from './useFormSubmit';

describe('useFormSubmit', () => {
  it('sends nothing while our own checks find problems, and shows them by field', async () => {
    const errors = useFieldErrors();
    const { submit, saving } = useFormSubmit(errors);
    let sent = false;
    const answer = await submit({ value: '请填写数值' }, async () => {
      sent = true;
      return 1;
    });
    expect(answer).toBeUndefined();
    expect(sent).toBe(false);
    expect(errors.tip('value')).toBe('请填写数值');
    expect(saving.value).toBe(false);
  });

  it('shows the server refusal beside the field it names and clears earlier messages', async () => {
    const errors = useFieldErrors({ MANUAL_AS_OF_INVALID: 'asOf' });
    const { submit } = useFormSubmit(errors);
    await submit({ value: '请填写数值' }, async () => 1);
    const answer = await submit({}, async () => {
      throw new ApiError({ status: 422, code: 'MANUAL_AS_OF_INVALID', detail: '数据截止日期不能晚于今天' });
    });
    expect(answer).toBeUndefined();
    expect(errors.tip('asOf')).toBe('数据截止日期不能晚于今天');
    expect(errors.tip('value')).toBeUndefined();
  });

  it('returns the answer and is saving only while the call runs', async () => {
    const errors = useFieldErrors();
    const { submit, saving } = useFormSubmit(errors);
    let during = false;
    const answer = await submit({}, async () => {
      during = saving.value;
      return { id: 7 };
    });
    expect(during).toBe(true);
    expect(saving.value).toBe(false);
    expect(answer).toEqual({ id: 7 });
  });
});
