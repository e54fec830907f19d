const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const { apiBaseUrl } = require('../../utils/config');
const toast = require('../../utils/toast');
const content = require('../../api/content');
const officers = require('../../api/officers');
const poster = require('../../utils/poster');

const NO_CODE_NOTE = '在微信中搜索“科普云溪”小程序，即可阅读全文。';

/** Read URLs of locally stored files come relative to the API. */
function absolute(url) {
  return url && url.startsWith('/') ? apiBaseUrl() + url : url;
}

function pixelRatio() {
  try {
    const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return (info && info.pixelRatio) || 2;
  } catch (e) {
    return 2;
  }
}

/** Promise of the canvas node {node, width, height} laid out on the page. */
function canvasNode(selector) {
  return new Promise((resolve, reject) => {
    wx.createSelectorQuery()
      .select(selector)
      .fields({ node: true, size: true })
      .exec((res) => (res && res[0] && res[0].node ? resolve(res[0]) : reject(new Error('canvas not found'))));
  });
}

function loadImage(canvas, src) {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = src;
  });
}

Page(
  elderPage({
    // A poster creates a share (attributed to the resident): not before the policy is accepted.
    ...loadable({
      consent: true,
      async fetch() {
        const [detail, mine] = await Promise.all([content.detail(this.contentId, { silent: true }), officers.mine()]);
        const officer = (mine || []).find((a) => a.status === 'APPROVED');
        if (!officer) return { state: 'none' };
        const item = detail.data;
        const share = await content.share(this.contentId);
        let codeUrl = null;
        try {
          codeUrl = absolute((await officers.shareCode(this.contentId, share.shareToken, { silent: true })).url);
        } catch (err) {
          // WeChat may be busy or over quota: the poster still works as a picture; the card share still counts.
        }
        this.posterData = {
          title: item.title,
          summary: item.summary,
          byline: poster.byline(officer),
          codeNote: NO_CODE_NOTE,
        };
        this.codeUrl = codeUrl;
        this.sharePath = share.path;
        return { title: item.title, hasCode: Boolean(codeUrl), drawn: false };
      },
    }),

    data: {
      state: 'loading', // loading | ready | none | error | consent
      error: null,
      title: '',
      hasCode: false,
      drawn: false,
      saving: false,
      width: poster.WIDTH,
      height: poster.HEIGHT,
    },

    onLoad(query) {
      this.contentId = Number(query && query.id);
      if (!this.contentId) {
        this.setData({ state: 'error', error: { kind: 'missing', title: '没有选择要分享的内容', message: '', retry: false } });
        return undefined;
      }
      return this.load().then(() => (this.data.state === 'ready' ? this.draw() : undefined));
    },

    /** Draw once the canvas is laid out; a missing code image falls back to the text note. */
    async draw() {
      try {
        const { node: canvas } = await canvasNode('#poster');
        const ratio = pixelRatio();
        canvas.width = poster.WIDTH * ratio;
        canvas.height = poster.HEIGHT * ratio;
        const ctx = canvas.getContext('2d');
        ctx.scale(ratio, ratio);
        let code = null;
        if (this.codeUrl) {
          code = await loadImage(canvas, this.codeUrl).catch(() => null);
        }
        poster.drawPoster(ctx, Object.assign({ code }, this.posterData));
        this.canvas = canvas;
        this.setData({ drawn: true, hasCode: Boolean(code) });
      } catch (err) {
        toast.showError('海报生成失败，请稍后重试');
      }
    },

    exportImage() {
      return new Promise((resolve, reject) => {
        wx.canvasToTempFilePath({
          canvas: this.canvas,
          fileType: 'png',
          success: (res) => resolve(res.tempFilePath),
          fail: reject,
        });
      });
    },

    async onSave() {
      if (!this.canvas || this.saving) return;
      this.saving = true;
      this.setData({ saving: true });
      try {
        const filePath = await this.exportImage();
        await new Promise((resolve, reject) => wx.saveImageToPhotosAlbum({ filePath, success: resolve, fail: reject }));
        toast.showSuccess('已保存到相册');
      } catch (err) {
        const denied = /auth|deny|denied/i.test((err && err.errMsg) || '');
        if (denied) {
          // Refused once, WeChat will not ask again: only the settings page can allow it now.
          wx.showModal({
            title: '需要保存到相册的权限',
            content: '请在设置中允许“保存到相册”，再点一次“保存海报”。',
            confirmText: '去设置',
            success: (res) => res.confirm && wx.openSetting && wx.openSetting({}),
          });
        } else if (!/cancel/i.test((err && err.errMsg) || '')) {
          toast.showError('保存失败，请稍后重试');
        }
      } finally {
        this.saving = false;
        this.setData({ saving: false });
      }
    },

    async onShareImage() {
      if (!this.canvas || typeof wx.showShareImageMenu !== 'function') return;
      try {
        const path = await this.exportImage();
        wx.showShareImageMenu({ path });
      } catch (err) {
        toast.showError('海报生成失败，请稍后重试');
      }
    },

    onOpenApplication() {
      wx.redirectTo({ url: '/pages/officer/officer' });
    },

    /** The card share carries the same share token as the poster's code. */
    onShareAppMessage() {
      return { title: this.data.title || '科普云溪', path: this.sharePath || `/pages/content/detail?id=${this.contentId}` };
    },
  }),
);
