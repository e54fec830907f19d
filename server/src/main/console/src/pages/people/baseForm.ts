// The 科普基地 form: its values, from a saved base and back into the request the server takes.
import type { Schemas } from '@/api/client';

type BaseView = Schemas['BaseView'];
export type SaveBase = Schemas['SaveBase'];

export const BASE_TYPES = [
  { value: 'EDUCATION', label: '科普教育基地' },
  { value: 'TOURISM_EDUCATION', label: '科普旅游教育基地' },
  { value: 'DEMONSTRATION', label: '科普示范基地' },
];

export const BASE_LEVELS = [
  { value: 'DISTRICT', label: '区级' },
  { value: 'CITY', label: '市级' },
  { value: 'PROVINCE', label: '省级' },
  { value: 'NATIONAL', label: '国家级' },
];

export interface BaseFormValues {
  name: string;
  type: string;
  level: string;
  accreditedOn: string;
  accreditedBy: string;
  regionCode: string | undefined;
  address: string;
  latitude: number | undefined;
  longitude: number | undefined;
  geofenceMeters: number;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  description: string;
  photoKeys: string[];
}

export function baseForm(base?: BaseView | null): BaseFormValues {
  return {
    name: base?.name ?? '',
    type: base?.type ?? 'EDUCATION',
    level: base?.level ?? 'DISTRICT',
    accreditedOn: base?.accreditedOn ?? '',
    accreditedBy: base?.accreditedBy ?? '',
    regionCode: base?.regionCode ?? undefined,
    address: base?.address ?? '',
    latitude: base?.latitude ?? undefined,
    longitude: base?.longitude ?? undefined,
    geofenceMeters: base?.geofenceMeters ?? 300,
    openingHours: base?.openingHours ?? '',
    contactName: base?.contactName ?? '',
    contactPhone: base?.contactPhone ?? '',
    description: base?.description ?? '',
    photoKeys: [...(base?.photoKeys ?? [])],
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Preview URLs of a saved base's photos, by key (the upload field shows them as thumbnails). */
export function photoUrls(base?: BaseView | null): Record<string, string> {
  const urls: Record<string, string> = {};
  (base?.photoKeys ?? []).forEach((key, i) => {
    const url = base?.photoUrls?.[i];
    if (url) urls[key] = url;
  });
  return urls;
}

/** The request: empty optional fields left out; the photos in the order shown (the first is the cover). */
export function saveRequest(form: BaseFormValues): SaveBase {
  return {
    name: form.name.trim(),
    type: form.type,
    level: form.level,
    accreditedOn: form.accreditedOn,
    accreditedBy: optional(form.accreditedBy),
    regionCode: form.regionCode || undefined,
    address: form.address.trim(),
    latitude: form.latitude as number,
    longitude: form.longitude as number,
    geofenceMeters: form.geofenceMeters,
    openingHours: optional(form.openingHours),
    contactName: optional(form.contactName),
    contactPhone: optional(form.contactPhone),
    description: optional(form.description),
    photoKeys: form.photoKeys,
  };
}
