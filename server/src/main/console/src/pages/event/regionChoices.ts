// The region tree as the event pages offer it (towns with their villages), limited to one town for a town's staff.
import type { RegionNode } from '@/pages/content/referenceData';

export interface RegionChoice {
  label?: string;
  value?: string;
  children: { label?: string; value?: string }[];
}

export function regionChoices(tree: RegionNode | undefined, onlyTown?: string): RegionChoice[] {
  return (tree?.children ?? []).filter((t) => !onlyTown || t.code === onlyTown).map((town) => ({
    label: town.name, value: town.code,
    children: (town.children ?? []).map((v) => ({ label: v.name, value: v.code })),
  }));
}
