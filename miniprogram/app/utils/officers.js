// Texts for the 科普信息员 / 科普宣传员 pages, from the server's OfficerView (status, role, review).

const { formatDate } = require('./quiz');

const ROLES = [
  { value: 'INFO_OFFICER', label: '科普信息员', duty: '在村（社区）里转发科普内容、解答乡亲的疑问，带动大家学科学。' },
  { value: 'PROMOTER', label: '科普宣传员', duty: '组织和宣传本村（社区）的科普活动，是村里的科普联络人。' },
];

const STATUS = {
  PENDING: { label: '待审核', theme: 'warning' },
  APPROVED: { label: '已通过', theme: 'success' },
  REJECTED: { label: '未通过', theme: 'danger' },
  REVOKED: { label: '已撤销', theme: 'default' },
};

// Whether an approved officer is known on this phone: the item page offers the share poster only then.
const APPROVED_FLAG_KEY = 'kepu.officerApproved';

/** An application as the page shows it. */
function applicationView(o) {
  const status = STATUS[o.status] || { label: o.status, theme: 'default' };
  return Object.assign({}, o, {
    statusLabel: status.label,
    statusTheme: status.theme,
    appliedText: formatDate(o.appliedAt),
    // A refused or revoked application may be made again; a pending or approved one may not.
    canReapply: o.status === 'REJECTED' || o.status === 'REVOKED',
  });
}

/** Roles the resident has not applied for yet (or may apply for again). */
function openRoles(applications) {
  return ROLES.filter((r) => {
    const mine = applications.find((a) => a.role === r.value);
    return !mine || mine.canReapply;
  });
}

function rememberApproved(applications) {
  try {
    wx.setStorageSync(APPROVED_FLAG_KEY, applications.some((a) => a.status === 'APPROVED'));
  } catch (e) {
    // Only a shortcut on the item page; the server decides.
  }
}

function knownApproved() {
  try {
    return wx.getStorageSync(APPROVED_FLAG_KEY) === true;
  } catch (e) {
    return false;
  }
}

/** "13800001234" as the resident types it; the server checks the format. */
function normalisePhone(text) {
  return String(text || '').replace(/\s+/g, '');
}

module.exports = { ROLES, STATUS, applicationView, openRoles, rememberApproved, knownApproved, normalisePhone };
