import { describe, expect, it } from 'vitest';

import type { StaffView } from '@/auth/roles';
import { canArchive, canEdit, canPublish, canReview, canSubmit, reviewBlocker, type ContentItem } from './contentRules';

const staff = (id: number, role: StaffView['role']) => ({ id, role, username: 'u', displayName: 'u', roleLabel: '', status: 'ACTIVE', mustChangePassword: false }) as StaffView;
const item = (status: string, authorId = 1) => ({ id: 9, status, authorId }) as ContentItem;

describe('content rules', () => {
  const author = staff(1, 'ORGANISER');
  const admin = staff(2, 'UNIT_ADMIN');
  const authoringAdmin = staff(1, 'UNIT_ADMIN');

  it('lets anyone write and submit drafts and rejected items', () => {
    expect(canEdit(undefined, author)).toBe(true);
    expect(canEdit(item('DRAFT'), author)).toBe(true);
    expect(canEdit(item('REJECTED'), author)).toBe(true);
    expect(canSubmit(item('REJECTED'))).toBe(true);
    expect(canEdit(item('IN_REVIEW'), author)).toBe(false);
    expect(canSubmit(item('PUBLISHED'))).toBe(false);
  });

  it('lets only admins correct published items', () => {
    expect(canEdit(item('PUBLISHED'), author)).toBe(false);
    expect(canEdit(item('PUBLISHED'), admin)).toBe(true);
  });

  it('keeps the two-person rule: an admin never reviews their own item', () => {
    expect(canReview(item('IN_REVIEW'), admin)).toBe(true);
    expect(canReview(item('IN_REVIEW'), authoringAdmin)).toBe(false);
    expect(reviewBlocker(item('IN_REVIEW'), authoringAdmin)).toContain('两人原则');
    expect(canReview(item('IN_REVIEW'), author)).toBe(false);
    expect(reviewBlocker(item('IN_REVIEW'), author)).toBe('等待管理员审核');
    expect(reviewBlocker(item('DRAFT'), author)).toBeNull();
  });

  it('lets admins publish approved items and archive anything not in review', () => {
    expect(canPublish(item('APPROVED'), admin)).toBe(true);
    expect(canPublish(item('APPROVED'), author)).toBe(false);
    expect(canArchive(item('PUBLISHED'), admin)).toBe(true);
    expect(canArchive(item('IN_REVIEW'), admin)).toBe(false);
    expect(canArchive(item('ARCHIVED'), admin)).toBe(false);
  });
});
