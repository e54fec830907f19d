// The lists the content and quiz pages offer (topics, groups, plan sections, units, regions), from the API, fetched
// once per page load and shared.
import { ref, type Ref } from 'vue';

import { api, unwrap, type Schemas } from '@/api/client';

export interface Option {
  label: string;
  value: string;
}

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) {
    const pending = load();
    pending.catch(() => cache.delete(key)); // try again next time
    cache.set(key, pending);
  }
  return cache.get(key) as Promise<T>;
}

export const loadTopics = () => once('topics', async () => (await unwrap(api.GET('/api/admin/v1/content-topics')))
  .map((t) => ({ label: t.name ?? '', value: t.code ?? '' })));

export const loadGroups = () => once('groups', async () => (await unwrap(api.GET('/api/admin/v1/population-groups')))
  .map((g) => ({ label: g.label ?? '', value: g.code ?? '' })));

export const loadSections = () => once('sections', async () => (await unwrap(api.GET('/api/admin/v1/contents/plan-sections')))
  .map((s) => ({ label: s.name ?? '', value: s.code ?? '' })));

export const loadUnits = () => once('units', async () => (await unwrap(api.GET('/api/admin/v1/units')))
  .map((u) => ({ label: u.name ?? '', value: String(u.id), kind: u.kind, regionCode: u.regionCode })));

export type RegionNode = Schemas['RegionNode'];

export const loadRegions = () => once('regions', async () => unwrap(api.GET('/api/v1/regions')));

/** Reactive holder for a list loaded on mount. */
export function useOptions<T>(load: () => Promise<T[]>): Ref<T[]> {
  const options = ref([]) as Ref<T[]>;
  void load().then((list) => (options.value = list)).catch(() => undefined);
  return options;
}

export function labelOf(options: Option[], value: string | undefined | null): string {
  return options.find((o) => o.value === value)?.label ?? value ?? '';
}
