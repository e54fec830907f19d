// What the content pages offer whom, mirroring the server's workflow rules (content/ContentAdminService): anyone
// in the unit writes drafts; an admin other than the author reviews; admins publish, schedule, correct and archive.
// The server still decides; this only chooses which buttons to show.
import type { Schemas } from '@/api/client';
import { REVIEWERS, hasRole, type StaffView } from '@/auth/roles';

export type ContentItem = Schemas['ContentAdminView'];

export const STATUS_LABELS: Record<string, string> = {
  DRAFT: '草稿',
  IN_REVIEW: '待审核',
  REJECTED: '已驳回',
  APPROVED: '已通过待发布',
  SCHEDULED: '定时发布',
  PUBLISHED: '已发布',
  ARCHIVED: '已下线',
};

export const STATUS_THEMES: Record<string, 'default' | 'primary' | 'warning' | 'danger' | 'success'> = {
  DRAFT: 'default',
  IN_REVIEW: 'warning',
  REJECTED: 'danger',
  APPROVED: 'primary',
  SCHEDULED: 'primary',
  PUBLISHED: 'success',
  ARCHIVED: 'default',
};

export const TYPE_LABELS: Record<string, string> = { ARTICLE: '图文', VIDEO: '视频', AUDIO: '音频' };

export const ACTION_LABELS: Record<string, string> = {
  CREATE: '新建',
  EDIT: '修改',
  SUBMIT: '提交审核',
  APPROVE: '审核通过',
  REJECT: '驳回',
  SCHEDULE: '定时发布',
  PUBLISH: '发布',
  ARCHIVE: '下线',
};

const isReviewer = (staff: StaffView | null) => hasRole(staff, REVIEWERS);
const isAuthor = (item: ContentItem, staff: StaffView | null) => !!staff && item.authorId === staff.id;

export function canEdit(item: ContentItem | undefined, staff: StaffView | null): boolean {
  if (!item) return true; // a new draft
  return item.status === 'DRAFT' || item.status === 'REJECTED' || (item.status === 'PUBLISHED' && isReviewer(staff));
}

export function canSubmit(item: ContentItem | undefined): boolean {
  return !item || item.status === 'DRAFT' || item.status === 'REJECTED';
}

export function canReview(item: ContentItem, staff: StaffView | null): boolean {
  return item.status === 'IN_REVIEW' && isReviewer(staff) && !isAuthor(item, staff);
}

/** Why the caller cannot review an item waiting for review, or null when they can. */
export function reviewBlocker(item: ContentItem, staff: StaffView | null): string | null {
  if (item.status !== 'IN_REVIEW') return null;
  if (!isReviewer(staff)) return '等待管理员审核';
  if (isAuthor(item, staff)) return '这是您撰写的内容，须由其他管理员审核（两人原则）';
  return null;
}

export function canPublish(item: ContentItem, staff: StaffView | null): boolean {
  return item.status === 'APPROVED' && isReviewer(staff);
}

export function canArchive(item: ContentItem, staff: StaffView | null): boolean {
  return isReviewer(staff) && item.status !== 'ARCHIVED' && item.status !== 'IN_REVIEW';
}
