import { describe, expect, it } from 'vitest';

import { helperStatus } from './eventLabels';

describe('helperStatus', () => {
  it('says a check-in near the venue counted at once', () => {
    expect(helperStatus({ locationVerified: true, presenceConfirmed: true, confirmable: false }))
      .toEqual({ text: '位置已核验，已计入', theme: 'success' });
  });

  it('says an unverified check-in counts once the organiser confirmed it', () => {
    expect(helperStatus({ locationVerified: false, presenceConfirmed: true, confirmable: false }).text)
      .toBe('组织者已确认，已计入');
  });

  it('asks the organiser to confirm an unverified check-in', () => {
    expect(helperStatus({ locationVerified: false, presenceConfirmed: false, confirmable: true }))
      .toEqual({ text: '位置未核验，待确认', theme: 'warning' });
  });

  it('says one that cannot be confirmed any more does not count', () => {
    expect(helperStatus({ locationVerified: false, presenceConfirmed: false, confirmable: false }).text)
      .toBe('位置未核验，不计入');
  });
});
