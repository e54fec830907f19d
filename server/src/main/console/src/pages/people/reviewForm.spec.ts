import { describe, expect, it } from 'vitest';

import { reasonProblem, reviewBody } from './reviewForm';

describe('reasonProblem', () => {
  it('requires a reason to reject but not to approve', () => {
    expect(reasonProblem('reject', '  ')).toContain('请填写原因');
    expect(reasonProblem('approve', '')).toBe('');
    expect(reasonProblem('reject', '材料不全')).toBe('');
  });

  it('refuses a reason longer than the server keeps', () => {
    expect(reasonProblem('approve', '字'.repeat(201))).toBe('最多 200 字');
  });
});

describe('reviewBody', () => {
  it('sends the trimmed note or nothing', () => {
    expect(reviewBody(' 同意 ')).toEqual({ note: '同意' });
    expect(reviewBody('  ')).toEqual({});
  });
});
