import { describe, expect, it } from 'vitest';

import { baseForm, photoUrls, saveRequest } from './baseForm';

describe('baseForm and saveRequest', () => {
  it('starts a new base as a district education base with a 300 m check-in range', () => {
    expect(baseForm()).toMatchObject({ type: 'EDUCATION', level: 'DISTRICT', geofenceMeters: 300, photoKeys: [] });
  });

  it('leaves empty optional fields out and keeps the photos of an edited base', () => {
    const form = baseForm({ id: 3, name: ' 湿地馆 ', type: 'DEMONSTRATION', level: 'CITY', accreditedOn: '2024-05-01',
      address: '陆城镇', latitude: 29.47, longitude: 113.27, geofenceMeters: 200, photoKeys: ['media/a.jpg'],
      status: 'ACTIVE', contactName: '  ' } as never);
    expect(saveRequest(form)).toEqual({ name: '湿地馆', type: 'DEMONSTRATION', level: 'CITY', accreditedOn: '2024-05-01',
      accreditedBy: undefined, regionCode: undefined, address: '陆城镇', latitude: 29.47, longitude: 113.27,
      geofenceMeters: 200, openingHours: undefined, contactName: undefined, contactPhone: undefined,
      description: undefined, photoKeys: ['media/a.jpg'] });
  });
});

describe('photoUrls', () => {
  it('maps each saved photo key to its preview URL', () => {
    expect(photoUrls({ photoKeys: ['k1', 'k2'], photoUrls: ['https://a/1', 'https://a/2'] } as never))
      .toEqual({ k1: 'https://a/1', k2: 'https://a/2' });
    expect(photoUrls(null)).toEqual({});
  });
});
