const { elderPage } = require('../../behaviors/elder-page');
const { PRIVACY_POLICY_VERSION } = require('../../utils/config');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const toast = require('../../utils/toast');

function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

Page(
  elderPage({
    data: {
      version: PRIVACY_POLICY_VERSION,
      accepted: false,
      acceptedAt: '',
      // Show the agree button when our policy is not yet accepted, or WeChat waits for consent.
      askConsent: true,
      fromWechat: false,
      saving: false,
    },

    onLoad(query) {
      // "wechat": opened by WeChat's privacy listener while a feature (avatar, nickname, phone) waits.
      this.setData({ fromWechat: Boolean(query && query.reason === 'wechat') });
      this.refresh(session.getResident());
      // The page may be opened before login finished (e.g. from WeChat's privacy listener).
      auth
        .ensureLogin()
        .then((resident) => this.refresh(resident))
        .catch(() => {});
    },

    onUnload() {
      // Leaving with the back arrow is not consent: release any WeChat API call still waiting.
      if (privacy.hasPendingWxAuthorization()) privacy.settleWxAuthorization(false);
    },

    refresh(resident) {
      const accepted = !privacy.needsConsent(resident);
      this.setData({
        accepted,
        acceptedAt: accepted ? formatDate(resident.privacyAcceptedAt) : '',
        askConsent: !accepted || privacy.hasPendingWxAuthorization(),
      });
    },

    /** Bound to the open-type="agreePrivacyAuthorization" button: WeChat's consent is given by the tap itself. */
    async onAgree() {
      if (this.data.saving) return;
      this.setData({ saving: true });
      privacy.settleWxAuthorization(true);
      try {
        if (privacy.needsConsent(session.getResident())) {
          const me = await privacy.acceptPolicy();
          this.refresh(me);
        } else {
          this.refresh(session.getResident());
        }
        toast.showSuccess('已同意');
        this.leave();
      } catch (err) {
        // request() already showed why; the resident can tap again.
      } finally {
        this.setData({ saving: false });
      }
    },

    onDecline() {
      privacy.declinePolicy();
      this.leave();
    },

    /** Before consent the choice stays on this phone; accepting the policy then saves it with the rest. */
    onToggleElder() {
      return this.onElderSwitchChange({ detail: { value: !this.data.elder } });
    },

    onOpenWxContract() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },

    leave() {
      const pages = getCurrentPages();
      if (pages.length > 1) wx.navigateBack();
      else wx.switchTab({ url: '/pages/index/index' });
    },
  }),
);
