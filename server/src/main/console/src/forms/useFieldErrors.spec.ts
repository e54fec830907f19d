import { describe, expect, it } from 'vitest';

import { ApiError } from '@/api/problem';
import { useFieldErrors } from './useFieldErrors';

describe('useFieldErrors', () => {
  it('puts each validation error beside its field', () => {
    const errors = useFieldErrors();

    errors.show(new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: '提交的信息有误，请检查后重试',
      errors: [{ field: 'title', message: '请填写标题' }, { field: 'summary', message: '摘要最多 300 字' }],
    }));

    expect(errors.status('title')).toBe('error');
    expect(errors.tip('title')).toBe('请填写标题');
    expect(errors.tip('summary')).toBe('摘要最多 300 字');
    expect(errors.status('bodyHtml')).toBeUndefined();
    expect(errors.summary.value).toContain('提交的信息有误');
  });

  it('puts a known business error beside the field it is about', () => {
    const errors = useFieldErrors({ WRONG_PASSWORD: 'oldPassword' });

    errors.show(new ApiError({ status: 400, code: 'WRONG_PASSWORD', detail: '原密码不正确' }));

    expect(errors.tip('oldPassword')).toBe('原密码不正确');
    expect(errors.summary.value).toBe('');
  });

  it('shows any other error above the form, and forgets the previous ones', () => {
    const errors = useFieldErrors();
    errors.show(new ApiError({ status: 400, errors: [{ field: 'title', message: '请填写标题' }] }));

    errors.show(new ApiError({ status: 409, code: 'CONTENT_STATE', detail: '当前状态不能进行此操作' }));

    expect(errors.status('title')).toBeUndefined();
    expect(errors.summary.value).toBe('当前状态不能进行此操作');
  });

  it('forgets a field\'s message once its value is edited, keeping the others', async () => {
    const { nextTick, reactive } = await import('vue');
    const form = reactive({ title: '', summary: '' });
    const errors = useFieldErrors();
    errors.forgetOnEdit(form);
    errors.show(new ApiError({ status: 400, errors: [{ field: 'title', message: '请填写标题' }, { field: 'summary', message: '过长' }] }));

    form.title = '防流感';
    await nextTick();

    expect(errors.tip('title')).toBeUndefined();
    expect(errors.tip('summary')).toBe('过长');
    expect(errors.summary.value).toContain('见标红的项');

    form.summary = '短';
    await nextTick();

    expect(errors.summary.value).toBe('');
  });

  it('says the network failed when the server was not reached', () => {
    const errors = useFieldErrors();
    errors.show(ApiError.network());
    expect(errors.summary.value).toBe('网络连接失败，请检查网络后重试');
  });
});
