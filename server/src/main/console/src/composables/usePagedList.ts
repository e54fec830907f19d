// A paged list from the API ({items, total, page, size}): its rows, loading state, failure message and the
// pagination props for a TDesign table. Pages pass how to fetch one page; filters live in the page.
import { computed, ref, type Ref } from 'vue';

import { messageOf } from '@/api/problem';

export interface PageOf<T> {
  items?: T[];
  total?: number;
}

export function usePagedList<T>(fetchPage: (page: number, size: number) => Promise<PageOf<T>>, size = 20) {
  const items = ref([]) as Ref<T[]>;
  const total = ref(0);
  const page = ref(1);
  const loading = ref(false);
  const failure = ref('');

  async function load() {
    loading.value = true;
    failure.value = '';
    try {
      const answer = await fetchPage(page.value, size);
      items.value = answer.items ?? [];
      total.value = answer.total ?? 0;
    } catch (error) {
      failure.value = messageOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Back to the first page (after the filters changed) and load. */
  function reload() {
    page.value = 1;
    return load();
  }

  const pagination = computed(() => ({ current: page.value, pageSize: size, total: total.value, showPageSize: false }));

  function onPageChange(next: { current: number }) {
    page.value = next.current;
    void load();
  }

  return { items, total, page, loading, failure, load, reload, pagination, onPageChange };
}
