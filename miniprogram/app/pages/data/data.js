const { elderPage } = require('../../behaviors/elder-page');
const { STORAGE_KEYS } = require('../../utils/config');
const session = require('../../utils/session');
const toast = require('../../utils/toast');
const { request } = require('../../utils/request');

// Chinese labels for the fields we know; unknown keys are shown as they come so that nothing
// the server exports is hidden from the resident.
const LABELS = {
  id: '账号编号',
  nickname: '昵称',
  avatarKey: '头像',
  regionCode: '地区代码',
  regionName: '所在村（社区）',
  populationGroup: '人群类别代码',
  populationGroupLabel: '人群类别',
  birthYear: '出生年份',
  elderMode: '关怀模式',
  privacyPolicyVersion: '已同意的隐私政策版本',
  privacyAcceptedAt: '同意隐私政策时间',
  phoneMasked: '手机号',
  createdAt: '注册时间',
  updatedAt: '更新时间',
  exportedAt: '导出时间',
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function pad(n) {
  return n < 10 ? `0${n}` : `${n}`;
}

function formatValue(value) {
  if (value === null || value === undefined || value === '') return '（未填写）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function label(key) {
  return LABELS[key] || key;
}

function toRows(obj) {
  return Object.keys(obj || {}).map((key) => ({ key, label: label(key), value: formatValue(obj[key]) }));
}

function describeItem(item) {
  if (item === null || typeof item !== 'object') return formatValue(item);
  return Object.keys(item)
    .map((key) => `${label(key)}：${formatValue(item[key])}`)
    .join('；');
}

/** Turn the export document into sections of readable lines. */
function toReadable(doc) {
  const sections = Object.keys((doc && doc.sections) || {}).map((key) => {
    const value = doc.sections[key];
    if (Array.isArray(value)) {
      return { key, title: label(key), count: value.length, lines: value.map(describeItem) };
    }
    if (value && typeof value === 'object') {
      return { key, title: label(key), count: -1, lines: toRows(value).map((r) => `${r.label}：${r.value}`) };
    }
    return { key, title: label(key), count: -1, lines: [formatValue(value)] };
  });
  return {
    exportedAt: formatValue(doc && doc.exportedAt),
    profile: toRows(doc && doc.profile),
    sections,
  };
}

Page(
  elderPage({
    data: {
      exporting: false,
      exported: null,
      confirmVisible: false,
      deleting: false,
    },

    async onExport() {
      this.setData({ exporting: true });
      try {
        const doc = await request({ url: '/api/v1/me/export' });
        this.exportDoc = doc;
        this.setData({ exported: toReadable(doc) });
      } catch (err) {
        // request() already showed why.
      } finally {
        this.setData({ exporting: false });
      }
    },

    onCopyExport() {
      if (!this.exportDoc) return;
      wx.setClipboardData({ data: JSON.stringify(this.exportDoc, null, 2) });
    },

    onAskDelete() {
      this.setData({ confirmVisible: true });
    },

    onCancelDelete() {
      this.setData({ confirmVisible: false });
    },

    async onConfirmDelete() {
      if (this.data.deleting) return;
      this.setData({ confirmVisible: false, deleting: true });
      try {
        await request({ url: '/api/v1/me', method: 'DELETE' });
      } catch (err) {
        this.setData({ deleting: false });
        return;
      }
      // The developer's API address override is not personal data; keep it so a test phone
      // stays pointed at the same server after the account is gone.
      const apiBaseUrl = wx.getStorageSync(STORAGE_KEYS.apiBaseUrl);
      wx.clearStorageSync();
      if (apiBaseUrl) wx.setStorageSync(STORAGE_KEYS.apiBaseUrl, apiBaseUrl);
      // Remember that the resident left, so the home page does not silently create a new account.
      session.markSignedOut();
      this.setData({ deleting: false });
      toast.showSuccess('账号已注销');
      wx.reLaunch({ url: '/pages/index/index' });
    },
  }),
);
