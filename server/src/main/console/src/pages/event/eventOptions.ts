// Event kinds and the plan indicators an event may count toward, from /event-options, fetched once per page load.
import { api, unwrap, type Schemas } from '@/api/client';

export type EventOptions = Schemas['EventOptions'];

let pending: Promise<EventOptions> | undefined;

export function loadEventOptions(): Promise<EventOptions> {
  if (!pending) {
    pending = unwrap(api.GET('/api/admin/v1/event-options'));
    pending.catch(() => (pending = undefined)); // try again next time
  }
  return pending;
}

export function kindOptions(options?: EventOptions): { label: string; value: string }[] {
  return (options?.kinds ?? []).map((k) => ({ label: k.label ?? k.value ?? '', value: k.value ?? '' }));
}

export function indicatorOptions(options?: EventOptions): { label: string; value: string }[] {
  return (options?.indicators ?? []).map((i) => ({ label: `${i.name}（${i.code}）`, value: i.code ?? '' }));
}
