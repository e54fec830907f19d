const { elderPage } = require('../../behaviors/elder-page');
const { STORAGE_KEYS } = require('../../utils/config');
const session = require('../../utils/session');
const toast = require('../../utils/toast');
const meApi = require('../../api/me');
const { readableExport } = require('../../utils/export');

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
        const doc = await meApi.exportData();
        this.exportDoc = doc;
        this.setData({ exported: readableExport(doc) });
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
        await meApi.remove();
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
