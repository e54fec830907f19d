// 签到: the page WeChat's own 扫一扫 opens for the venue screen's link (扫普通链接二维码打开小程序:
// the link prefix is registered in the mini-program's settings; WeChat passes the link encoded as `q`).
// A code recognised from a picture (long-press on a forwarded image, or one picked from the album) is
// refused here: the venue code is for people in the room, scanning the screen with the camera.

const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { checkinWithToken, tokenFrom } = require('../../utils/checkin');

/** Scenes in which WeChat read the code from an image rather than the camera. */
const FROM_IMAGE = [1012, 1013, 1048, 1050];

function enterScene() {
  const o = wx.getEnterOptionsSync ? wx.getEnterOptionsSync() : null;
  return o && o.scene ? Number(o.scene) : null;
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | done | refused
      result: null,
    },

    async onLoad(query) {
      const token = tokenFrom(query.q || query.t || '');
      if (!token) {
        this.setData({ state: 'refused', result: { ok: false, title: '没有读到签到码，请再扫一次', note: '' } });
        return;
      }
      if (FROM_IMAGE.indexOf(enterScene()) >= 0) {
        this.setData({
          state: 'refused',
          result: { ok: false, title: '请到现场用微信“扫一扫”扫描大屏上的签到码', note: '转发的图片不能签到' },
        });
        return;
      }
      await auth.ensureLogin();
      const result = await checkinWithToken(token);
      this.setData({ state: 'done', result });
    },

    onOpenSignups() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups' });
    },
  }),
);
