// Approving or rejecting an application (科技志愿者, 科普信息员/宣传员): a rejection needs a reason the applicant
// will read; an approval may carry a note.

export type Decision = 'approve' | 'reject';

export const REASON_MAX = 200;

/** What is wrong with the reason, or '' when it may be sent. */
export function reasonProblem(decision: Decision, reason: string): string {
  const text = reason.trim();
  if (decision === 'reject' && text === '') return '不通过时请填写原因，申请人会看到';
  if (text.length > REASON_MAX) return `最多 ${REASON_MAX} 字`;
  return '';
}

/** The request body: the trimmed note, or none. */
export function reviewBody(reason: string): { note?: string } {
  const text = reason.trim();
  return text ? { note: text } : {};
}

export const APPLICATION_STATUS: Record<string, { label: string; theme: 'warning' | 'success' | 'danger' | 'default' }> = {
  PENDING: { label: '待审核', theme: 'warning' },
  APPROVED: { label: '已通过', theme: 'success' },
  REJECTED: { label: '未通过', theme: 'danger' },
  REVOKED: { label: '已注销', theme: 'default' },
};
