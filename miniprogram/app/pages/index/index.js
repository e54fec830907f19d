const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const toast = require('../../utils/toast');

function greetingFor(hour) {
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

Page(
  elderPage({
    data: {
      // loading | ready | error | signedOut
      state: 'loading',
      greeting: '您好',
      nickname: '',
      needsConsent: false,
      restarting: false,
    },

    onShow() {
      this.load();
    },

    async load() {
      this.setData({ greeting: greetingFor(new Date().getHours()) });
      if (session.isSignedOut()) {
        this.setData({ state: 'signedOut' });
        return;
      }
      try {
        const resident = await auth.ensureLogin();
        this.showResident(resident);
      } catch (err) {
        this.setData({ state: err.code === 'SIGNED_OUT' ? 'signedOut' : 'error' });
      }
    },

    showResident(resident) {
      this.setData({
        state: 'ready',
        nickname: (resident && resident.nickname) || '',
        needsConsent: privacy.needsConsent(resident),
      });
      privacy.requireConsent(resident);
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    /** After 注销账号 only an explicit tap here creates a new account. */
    async onRestart() {
      this.setData({ restarting: true });
      try {
        const resident = await auth.login({ restart: true });
        this.showResident(resident);
      } catch (err) {
        toast.showError(err.detail || err.message);
      } finally {
        this.setData({ restarting: false });
      }
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    onOpenMe() {
      wx.switchTab({ url: '/pages/me/me' });
    },
  }),
);
