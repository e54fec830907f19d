const { elderPage } = require('../../behaviors/elder-page');
const privacy = require('../../utils/privacy');
const session = require('../../utils/session');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const location = require('../../utils/location');
const bases = require('../../api/bases');
const media = require('../../api/media');
const b = require('../../utils/bases');

const PHOTO_WIDTH = 750;
const MAX_PHOTOS = 6;

/** Read URLs of the base's photos; a photo that cannot be had (removed, still checked) is left out. */
async function photoUrls(keys) {
  const views = await Promise.all(
    (keys || []).slice(0, MAX_PHOTOS).map((key) => media.url(key, PHOTO_WIDTH, { silent: true }).catch(() => null)),
  );
  return views.filter((v) => v && v.url).map((v) => v.url);
}

/** What the page says after a check-in attempt: {tone: ok | info | warn, title, note, settings}. */
function refusalResult(err) {
  if (err.code === 'ALREADY_CHECKED_IN') return { tone: 'info', title: err.detail, note: '每个基地每天签到一次，明天再来也会记录。' };
  if (err.code === 'TOO_FAR') return { tone: 'warn', title: '不在基地范围内', note: err.detail };
  return { tone: 'warn', title: '没有签到成功', note: err.detail };
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        const base = await orNullIfMissing(bases.detail(this.baseId, { silent: true }));
        if (!base) return { state: 'missing' };
        if (wx.setNavigationBarTitle) wx.setNavigationBarTitle({ title: base.name });
        // Photos are secondary: the page shows without them and they appear when ready.
        photoUrls(base.photoKeys).then((photos) => this.setData({ photos }));
        return { base: b.baseView(base), open: base.status === 'ACTIVE' };
      },
    }),

    data: {
      state: 'loading', // loading | ready | missing | error
      error: null,
      base: null,
      open: true,
      photos: [],
      checkingIn: false,
      result: null,
    },

    onLoad(query) {
      this.baseId = Number(query && query.id) || 0;
      if (!this.baseId) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    onOpenMap() {
      const base = this.data.base;
      if (!base) return;
      wx.openLocation({ latitude: base.latitude, longitude: base.longitude, name: base.name, address: base.address || '', scale: 16 });
    },

    onCall() {
      const phone = this.data.base && this.data.base.contactPhone;
      if (phone && wx.makePhoneCall) wx.makePhoneCall({ phoneNumber: phone });
    },

    onPreview(e) {
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: this.data.photos });
    },

    /**
     * On-site check-in. The server checks the phone is within the base's range, so a position is needed;
     * when it is refused or not found, the page says why and how to allow it instead of failing silently.
     */
    async onCheckIn() {
      if (this.checkingIn) return;
      if (privacy.needsConsent(session.getResident())) {
        // A visit is recorded against the resident: not before the policy is accepted.
        wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
        return;
      }
      this.checkingIn = true;
      this.setData({ checkingIn: true, result: null });
      try {
        const where = await location.locate();
        if (where.refused) {
          this.setData({
            result: {
              tone: 'warn',
              title: '需要您的位置才能签到',
              note: '基地签到要核对您在基地附近。请在设置中允许使用位置信息，再点“现场签到”。',
              settings: true,
            },
          });
          return;
        }
        if (where.failed) {
          this.setData({ result: { tone: 'warn', title: '没有获取到您的位置', note: '请打开手机的定位（GPS），到室外或窗边再试一次。' } });
          return;
        }
        try {
          const done = await bases.checkIn(this.baseId, { latitude: where.latitude, longitude: where.longitude }, { silent: true });
          this.setData({
            result: { tone: 'ok', title: '签到成功', note: `距基地${location.distanceText(done.distanceMeters)}，这次参观已记录。` },
          });
        } catch (err) {
          this.setData({ result: refusalResult(err) });
        }
      } finally {
        this.checkingIn = false;
        this.setData({ checkingIn: false });
      }
    },

    onOpenSettings() {
      location.openSettings();
    },

    onShareAppMessage() {
      const base = this.data.base;
      return { title: base ? base.name : '科普基地', path: `/pages/base/detail?id=${this.baseId}` };
    },
  }),
);
