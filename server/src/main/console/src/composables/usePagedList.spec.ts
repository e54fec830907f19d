import { describe, expect, it } from 'vitest';

import { ApiError } from '@/api/problem';
import { usePagedList } from './usePagedList';

describe('usePagedList', () => {
  it('loads the requested page and offers its pagination', async () => {
    const asked: number[] = [];
    const list = usePagedList(async (page, size) => {
      asked.push(page);
      return { items: [`row ${page}`], total: 41 + size - size };
    });

    await list.load();
    list.onPageChange({ current: 3 });
    await new Promise((r) => setTimeout(r));

    expect(asked).toEqual([1, 3]);
    expect(list.items.value).toEqual(['row 3']);
    expect(list.pagination.value).toMatchObject({ current: 3, pageSize: 20, total: 41 });
    await list.reload();
    expect(list.page.value).toBe(1);
  });

  it('keeps the rows it had and says what went wrong when a page fails', async () => {
    let fail = false;
    const list = usePagedList(async () => {
      if (fail) throw new ApiError({ status: 403, detail: '没有权限进行此操作' });
      return { items: ['kept'], total: 1 };
    });
    await list.load();
    fail = true;

    await list.load();

    expect(list.failure.value).toBe('没有权限进行此操作');
    expect(list.items.value).toEqual(['kept']);
    expect(list.loading.value).toBe(false);
  });
});
