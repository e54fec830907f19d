// Labels of the event feature's codes (the kinds themselves come from /event-options).
export const EVENT_STATUS: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', CANCELLED: '已取消', FINISHED: '已结束' };
export const EVENT_STATUS_THEMES: Record<string, 'default' | 'success' | 'warning' | 'danger'> = {
  DRAFT: 'default', PUBLISHED: 'success', CANCELLED: 'danger', FINISHED: 'warning',
};
export const SIGNUP_STATUS: Record<string, string> = { CONFIRMED: '已确认', WAITLISTED: '候补', CANCELLED: '已取消' };
export const FIELD_TYPES: Record<string, string> = {
  TEXT: '文字', NUMBER: '数字', SINGLE_SELECT: '单选', MULTI_SELECT: '多选', PHONE: '手机号', DATE: '日期',
};
export const CHECKIN_METHODS: Record<string, string> = { VENUE_QR: '扫现场码', TICKET: '扫报名凭证', BULK: '纸质签到表' };

/** Why an event page will not open: the server answers "not found" for another unit's event. */
export const NOT_OURS = '活动不存在，或不是本单位的活动（单位和镇街的账号只能打开本单位的活动）';

/** How an officer's helper check-in stands: counted at once near the venue, or waiting for the organiser. */
export function helperStatus(h: { locationVerified?: boolean; presenceConfirmed?: boolean; confirmable?: boolean }):
  { text: string; theme: 'success' | 'warning' | 'default' } {
  if (h.locationVerified && h.presenceConfirmed) return { text: '位置已核验，已计入', theme: 'success' };
  if (h.presenceConfirmed) return { text: '组织者已确认，已计入', theme: 'success' };
  if (h.confirmable) return { text: '位置未核验，待确认', theme: 'warning' };
  return { text: '位置未核验，不计入', theme: 'default' };
}
