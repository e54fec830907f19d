const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const toast = require('../../utils/toast');
const { describeError } = require('../../utils/errors');
const { createPager } = require('../../utils/paged');
const content = require('../../api/content');
const c = require('../../utils/content');
const { createReadTracker } = require('../../utils/reading');
const officers = require('../../utils/officers');
const { uploadImage } = require('../../utils/upload');

/** Where the body sits in the viewport, for "how far has the resident scrolled". */
function measure(selector) {
  return new Promise((resolve) => {
    try {
      wx.createSelectorQuery()
        .select(selector)
        .boundingClientRect((rect) => resolve(rect || null))
        .exec();
    } catch (e) {
      resolve(null);
    }
  });
}

function windowHeight() {
  try {
    const info = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return (info && info.windowHeight) || 0;
  } catch (e) {
    return 0;
  }
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      error: null,
      item: null,
      canInteract: false, // privacy policy accepted: likes, favourites, comments, credit
      canPoster: false, // an approved 科普信息员/宣传员 may make a share poster of this item
      liked: false,
      favourited: false,
      likeCount: 0,
      favouriteCount: 0,
      textMode: false, // 关怀模式 shows the large-image body; the resident may switch to text
      audioSrc: '',
      audioIsNarration: false,
      audioPlaying: false,
      audioTimeText: '0:00',
      audioLengthText: '',
      comments: [],
      commentTotal: 0,
      commentPage: 0,
      commentsMore: false,
      commentsLoading: false,
      commentDraft: '',
      posting: false,
      postResult: null, // {tone, text}
      postError: '',
      commentImage: null, // {path, key, uploading, error}: one picture with the comment
      stale: false, // offline: the item is the copy kept from the last time it was opened
    },

    onLoad(query) {
      // A link shared with "st=<token>", or an officer's poster code, attributes this open to the sharer.
      const opened = c.itemFromQuery(query);
      this.contentId = opened.id;
      this.shareToken = opened.shareToken;
      this.visible = false;
      this.tracker = null;
      this.audio = null;
      this.audioTime = 0;
      this.videoTime = 0;
      this.readFraction = 0; // furthest part of the article body that has been on screen, 0..1
      this.toggling = false;
      // Comments page on their own: newest first, other residents' shown once approved.
      this.comments = createPager({
        fetch: (params) => content.comments(this.contentId, params, { silent: true }),
        toView: c.commentView,
        dedupeBy: 'id',
      });
      return this.load();
    },

    onShow() {
      this.visible = true;
      // Consent may have been given on the privacy page in the meantime.
      if (this.data.item && !this.data.canInteract && !privacy.needsConsent(session.getResident())) {
        this.setData({ canInteract: true });
        this.loadInteraction();
      }
      this.startCredit();
    },

    onHide() {
      this.visible = false;
      if (this.tracker) this.tracker.hide();
      if (this.audio && this.data.audioPlaying) this.audio.pause();
    },

    onUnload() {
      this.visible = false;
      if (this.tracker) this.tracker.destroy();
      this.tracker = null;
      if (this.audio) {
        this.audio.destroy();
        this.audio = null;
      }
    },

    async load() {
      if (!this.contentId) {
        this.setData({ state: 'error', error: { kind: 'missing', title: '内容不存在或已下线', message: '', retry: false } });
        return;
      }
      let resident;
      let raw;
      let stale;
      try {
        resident = await auth.ensureLogin();
        // Revalidated with the stored ETag; offline, the copy from the last open comes back marked stale.
        ({ data: raw, stale } = await content.detail(this.contentId, { silent: true }));
      } catch (err) {
        this.setData({ state: 'error', error: describeError(err) });
        return;
      }
      const item = c.detailView(raw);
      const canInteract = !privacy.needsConsent(resident);
      wx.setNavigationBarTitle({ title: item.typeLabel ? `科普${item.typeLabel}` : '科普内容' });
      this.setData({
        state: 'ready',
        item,
        stale,
        canInteract,
        canPoster: canInteract && officers.knownApproved(),
        likeCount: item.likeCount || 0,
        favouriteCount: item.favouriteCount || 0,
      });
      this.setupAudio(item);
      if (canInteract) this.loadInteraction();
      this.loadComments(true);
      this.startCredit();
    },

    /** The read session belongs to the resident: only after consent, and only while visible. */
    startCredit() {
      if (!this.visible || !this.data.item || !this.data.canInteract) return;
      if (!this.tracker) {
        this.tracker = createReadTracker({
          contentId: this.contentId,
          shareToken: this.shareToken,
          position: () => this.currentPosition(),
        });
      }
      this.tracker.show();
    },

    /** Seconds into the item: player time for media, scroll progress for articles. */
    async currentPosition() {
      const item = this.data.item;
      if (!item) return 0;
      if (item.type === 'VIDEO') return this.videoTime;
      if (item.type === 'AUDIO') return this.audioTime;
      const rect = await measure('#article');
      const height = windowHeight();
      if (rect && rect.height > 0 && height > 0) {
        // The part of the body above the bottom of the screen has been seen.
        const seen = (height - rect.top) / rect.height;
        this.readFraction = Math.max(this.readFraction, Math.min(1, Math.max(0, seen)));
      }
      const byScroll = this.readFraction * (item.lengthSeconds || 0);
      // Listening to the narration is reading too (关怀模式 prefers it).
      return Math.max(byScroll, this.data.audioIsNarration ? this.audioTime : 0);
    },

    // ---- audio: the item itself (AUDIO) or the narration of an article/video ----

    setupAudio(item) {
      const src = item.type === 'AUDIO' ? item.mediaUrl : item.narrationUrl;
      if (!src) return;
      const audio = wx.createInnerAudioContext();
      audio.src = src;
      audio.autoplay = false;
      audio.loop = false;
      audio.onPlay(() => this.setData({ audioPlaying: true }));
      audio.onPause(() => this.setData({ audioPlaying: false }));
      audio.onStop(() => this.setData({ audioPlaying: false }));
      audio.onEnded(() => this.setData({ audioPlaying: false }));
      audio.onError(() => {
        this.setData({ audioPlaying: false });
        toast.showError('音频播放失败，请稍后重试');
      });
      audio.onTimeUpdate(() => {
        this.audioTime = audio.currentTime || 0;
        const text = c.formatClock(this.audioTime);
        // One setData per shown second, not per timeupdate event.
        if (text !== this.data.audioTimeText) {
          this.setData({ audioTimeText: text, audioLengthText: audio.duration ? c.formatClock(audio.duration) : this.data.audioLengthText });
        }
      });
      this.audio = audio;
      this.setData({
        audioSrc: src,
        audioIsNarration: item.type !== 'AUDIO',
        audioLengthText: item.type === 'AUDIO' && item.lengthSeconds ? c.formatClock(item.lengthSeconds) : '',
      });
    },

    onAudioToggle() {
      if (!this.audio) return;
      if (this.data.audioPlaying) this.audio.pause();
      else this.audio.play();
    },

    onVideoTime(e) {
      this.videoTime = (e.detail && e.detail.currentTime) || 0;
    },

    onTextMode() {
      this.setData({ textMode: !this.data.textMode });
    },

    onPreviewLarge(e) {
      const { url } = e.currentTarget.dataset;
      wx.previewImage({ current: url, urls: this.data.item.largeImageUrls });
    },

    // ---- like / favourite ----

    async loadInteraction() {
      try {
        const state = await content.interaction(this.contentId, { silent: true });
        this.showInteraction(state);
      } catch (err) {
        // The buttons still work; their first tap tells the server what the resident wants.
      }
    },

    showInteraction(state) {
      if (!state) return;
      this.setData({
        liked: Boolean(state.liked),
        favourited: Boolean(state.favourited),
        likeCount: state.likeCount,
        favouriteCount: state.favouriteCount,
      });
    },

    async toggle(kind) {
      if (!this.data.canInteract) {
        this.onOpenPrivacy();
        return;
      }
      // A plain field, set before the first await: a second tap in the same moment must not
      // send the opposite request.
      if (this.toggling) return;
      this.toggling = true;
      const on = kind === 'like' ? !this.data.liked : !this.data.favourited;
      try {
        const state = await content.setReaction(this.contentId, kind, on);
        this.showInteraction(state);
        if (kind === 'favourite') toast.showSuccess(on ? '已收藏' : '已取消收藏');
      } catch (err) {
        // request() showed the reason; the button keeps its old state.
      } finally {
        this.toggling = false;
      }
    },

    onLike() {
      return this.toggle('like');
    },

    onFavourite() {
      return this.toggle('favourite');
    },

    // ---- share ----

    /**
     * WeChat takes the share card synchronously; `promise` lets us fetch a share token first
     * (WeChat waits up to 3 s, then uses the plain card). The token is created only when the
     * resident actually shares, so opening a page never counts as sharing.
     */
    onShareAppMessage() {
      const item = this.data.item;
      const plain = {
        title: item ? item.title : '科普云溪',
        path: `/pages/content/detail?id=${this.contentId}`,
      };
      if (item && item.coverUrl) plain.imageUrl = item.coverUrl;
      if (!item || !this.data.canInteract) return plain;
      const promise = content.share(this.contentId, { silent: true })
        .then((share) => Object.assign({}, plain, { path: share.path }))
        .catch(() => plain);
      return Object.assign({}, plain, { promise });
    },

    // ---- comments ----

    /** The first page of comments (first = true) or the next one. */
    async loadComments(first) {
      if (this.data.commentsLoading) return;
      this.setData({ commentsLoading: true });
      try {
        const got = first
          ? await this.comments.first()
          : await this.comments.next({ items: this.data.comments, page: this.data.commentPage });
        if (got) {
          this.setData({ comments: got.items, commentTotal: got.total, commentPage: got.page, commentsMore: got.hasMore });
        }
      } catch (err) {
        // Comments are secondary: the article stays readable without them.
      } finally {
        this.setData({ commentsLoading: false });
      }
    },

    onMoreComments() {
      return this.loadComments(false);
    },

    onCommentInput(e) {
      this.setData({ commentDraft: e.detail.value, postError: '' });
    },

    async onPostComment() {
      if (!this.data.canInteract) {
        this.onOpenPrivacy();
        return;
      }
      const body = String(this.data.commentDraft || '').trim();
      if (!body) {
        this.setData({ postError: '请先写下您的评论' });
        return;
      }
      if (this.postInFlight) return;
      const image = this.data.commentImage;
      if (image && (image.uploading || !image.key)) {
        this.setData({ postError: image.uploading ? '图片还在上传，请稍等' : '图片没有上传成功，请移除或重新添加' });
        return;
      }
      this.postInFlight = true;
      this.setData({ posting: true, postError: '', postResult: null });
      try {
        const image = this.data.commentImage;
        const comment = await content.postComment(this.contentId, { body, imageKey: image && image.key }, { silent: true });
        this.setData({
          commentDraft: '',
          commentImage: null,
          postResult: c.postedMessage(comment.status),
          comments: [c.commentView(comment)].concat(this.data.comments),
          commentTotal: this.data.commentTotal + 1,
        });
      } catch (err) {
        const field = (err.fieldErrors || []).find((f) => f.field === 'body');
        this.setData({ postError: (field && field.message) || err.detail });
      } finally {
        this.postInFlight = false;
        this.setData({ posting: false });
      }
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    /** One picture with the comment: chosen, uploaded at once (RESIDENT_IMAGE), its key sent with the text. */
    async onAddImage() {
      if (!this.data.canInteract) {
        this.onOpenPrivacy();
        return;
      }
      if (this.data.commentImage && this.data.commentImage.uploading) return;
      const path = await new Promise((resolve) => {
        wx.chooseMedia({
          count: 1,
          mediaType: ['image'],
          sizeType: ['compressed'],
          sourceType: ['album', 'camera'],
          success: (res) => resolve(res.tempFiles && res.tempFiles[0] && res.tempFiles[0].tempFilePath),
          fail: () => resolve(null), // cancelled
        });
      });
      if (!path) return;
      this.setData({ commentImage: { path, key: '', uploading: true, error: '' } });
      try {
        const uploaded = await uploadImage(path, 'RESIDENT_IMAGE');
        this.setData({ commentImage: { path, key: uploaded.key, uploading: false, error: '' } });
      } catch (err) {
        this.setData({ commentImage: { path, key: '', uploading: false, error: err.detail || '图片上传失败，请稍后重试' } });
      }
    },

    onRemoveImage() {
      this.setData({ commentImage: null });
    },

    onPreviewCommentImage(e) {
      const { url } = e.currentTarget.dataset;
      wx.previewImage({ current: url, urls: [url] });
    },

    onPoster() {
      wx.navigateTo({ url: `/pages/share-poster/share-poster?id=${this.contentId}` });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
