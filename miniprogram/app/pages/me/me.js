const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const session = require('../../utils/session');
const privacy = require('../../utils/privacy');
const elder = require('../../utils/elder');
const toast = require('../../utils/toast');
const { describeError } = require('../../utils/errors');
const meApi = require('../../api/me');
const organiserBinding = require('../../utils/organiser-binding');
const regionsApi = require('../../api/regions');
const regions = require('../../utils/regions');
const { uploadImage } = require('../../utils/upload');

// Same codes as the server's population group enum; labels shown in the picker.
const { POPULATION_GROUPS } = require('../../utils/groups');

const EARLIEST_BIRTH_YEAR = 1920;

Page(
  elderPage({
    data: {
      state: 'loading', // loading | ready | error
      error: null,
      needsConsent: false,
      me: null,
      avatarUrl: '',
      fieldErrors: {},
      regionColumns: [[], []],
      regionIndex: [0, 0],
      regionsUnavailable: false, // the region list could not be loaded: the rest of the page still works
      groups: POPULATION_GROUPS,
      groupIndex: 0,
      birthYearStart: `${EARLIEST_BIRTH_YEAR}-01-01`,
      birthYearEnd: `${new Date().getFullYear()}-12-31`,
      bindingPhone: false,
      uploadingAvatar: false,
      avatarError: '',
      suggestElder: false, // 老年人 or 60+ by the profile, and 关怀模式 is off
      // 组织者 is a staff tool: its entry shows only when this WeChat is bound to a staff account;
      // anyone else sees a small 工作人员入口 at the bottom, which leads to the binding form
      organiserBound: false,
    },

    onLoad() {
      // Region tree is small and changes rarely: fetched once per page instance.
      this.towns = null;
    },

    onShow() {
      return this.load();
    },

    async load() {
      try {
        const resident = await auth.ensureLogin();
        if (privacy.needsConsent(resident)) {
          // Nothing is collected before the resident accepted the policy.
          this.setData({ state: 'ready', needsConsent: true, me: resident });
          return;
        }
        const [me] = await Promise.all([
          meApi.get(),
          this.towns ? Promise.resolve() : this.loadRegions().catch(() => {
            // Only the region picker needs the list; it offers a retry of its own.
          }),
        ]);
        session.saveResident(me);
        this.setData({ needsConsent: false, organiserBound: organiserBinding.known() === true });
        this.showMe(me);
        this.setData({ organiserBound: await organiserBinding.isBound() });
      } catch (err) {
        if (err.code === 'SIGNED_OUT') {
          wx.switchTab({ url: '/pages/index/index' });
          return;
        }
        if (this.data.me) this.setData({ state: 'ready' });
        else this.setData({ state: 'error', error: describeError(err) });
      }
    },

    async loadRegions() {
      const district = await regionsApi.tree({ silent: true });
      this.towns = regions.townsOf(district);
    },

    async onRetryRegions() {
      try {
        await this.loadRegions();
      } catch (err) {
        toast.showError('地区列表加载失败，请稍后再试');
        return;
      }
      if (this.data.me) this.showMe(this.data.me);
    },

    /** The picker at the resident's saved region (after a cancel, or a save that failed). */
    resetRegionPicker() {
      const towns = this.towns || [];
      const regionIndex = regions.indexOfRegion(towns, this.data.me && this.data.me.regionCode);
      this.setData({ regionIndex, regionColumns: regions.regionColumns(towns, regionIndex[0]) });
    },

    showMe(me) {
      const towns = this.towns || [];
      const regionIndex = regions.indexOfRegion(towns, me.regionCode);
      const groupIndex = Math.max(
        0,
        POPULATION_GROUPS.findIndex((g) => g.value === me.populationGroup),
      );
      this.setData({
        state: 'ready',
        me,
        // The server's (signed, scaled) avatar; a picture being uploaded stays on screen meanwhile.
        avatarUrl: this.data.uploadingAvatar ? this.data.avatarUrl : me.avatarUrl || '',
        elder: elder.isElderMode(),
        suggestElder: elder.suggestsElderMode(me),
        regionIndex,
        regionColumns: regions.regionColumns(towns, regionIndex[0]),
        regionsUnavailable: !this.towns,
        groupIndex,
      });
    },

    /** PATCH /me with some fields; field errors are shown next to their field. */
    async saveProfile(changes) {
      try {
        const me = await meApi.update(changes, { silent: true });
        session.saveResident(me);
        this.setData({ fieldErrors: {} });
        this.showMe(me);
        return true;
      } catch (err) {
        const fieldErrors = {};
        (err.fieldErrors || []).forEach((f) => {
          fieldErrors[f.field] = f.message;
        });
        this.setData({ fieldErrors });
        toast.showError(err.detail);
        return false;
      }
    },

    /**
     * The chosen picture shows at once; it is then uploaded (AVATAR policy → storage → confirm) and set as
     * avatarKey. WeChat checks the image; others see it only after the check passes. On failure the old avatar
     * comes back and the reason is shown under it.
     */
    async onChooseAvatar(e) {
      const picked = e.detail && e.detail.avatarUrl;
      if (!picked || this.uploadingAvatar) return;
      this.uploadingAvatar = true;
      const previous = (this.data.me && this.data.me.avatarUrl) || '';
      this.setData({ avatarUrl: picked, uploadingAvatar: true, avatarError: '' });
      try {
        const uploaded = await uploadImage(picked, 'AVATAR');
        const me = await meApi.update({ avatarKey: uploaded.key }, { silent: true });
        session.saveResident(me);
        this.uploadingAvatar = false;
        this.setData({ uploadingAvatar: false });
        this.showMe(me);
        toast.showSuccess('头像已更新');
      } catch (err) {
        this.setData({ avatarUrl: previous, avatarError: err.detail || '头像上传失败，请稍后重试' });
      } finally {
        this.uploadingAvatar = false;
        this.setData({ uploadingAvatar: false });
      }
    },

    onNicknameBlur(e) {
      // type="nickname" inputs are checked by WeChat; the value arrives on blur/confirm.
      const nickname = String((e.detail && e.detail.value) || '').trim();
      const current = (this.data.me && this.data.me.nickname) || '';
      if (!nickname || nickname === current) return;
      this.saveProfile({ nickname });
    },

    onRegionColumnChange(e) {
      const { column, value } = e.detail;
      if (column !== 0) return;
      // Cascade: a new 镇/街道 shows its own 村/社区 list.
      this.setData({
        regionColumns: [this.data.regionColumns[0], regions.villageOptions(this.towns, value)],
        regionIndex: [value, 0],
      });
    },

    async onRegionChange(e) {
      const [townIdx, villageIdx] = e.detail.value;
      const chosen = regions.regionAt(this.towns || [], townIdx, villageIdx);
      if (!chosen || chosen.code === (this.data.me && this.data.me.regionCode)) {
        this.resetRegionPicker();
        return;
      }
      const saved = await this.saveProfile({ regionCode: chosen.code });
      if (!saved) this.resetRegionPicker();
    },

    onRegionCancel() {
      // Scrolling the town column showed another town's villages; a cancel must not leave them there.
      this.resetRegionPicker();
    },

    onGroupChange(e) {
      const group = POPULATION_GROUPS[Number(e.detail.value)];
      if (!group || group.value === (this.data.me && this.data.me.populationGroup)) return;
      this.saveProfile({ populationGroup: group.value });
    },

    onBirthYearChange(e) {
      const year = parseInt(String(e.detail.value).slice(0, 4), 10);
      if (!year || year === (this.data.me && this.data.me.birthYear)) return;
      this.saveProfile({ birthYear: year });
    },

    async onGetPhoneNumber(e) {
      const code = e.detail && e.detail.code;
      if (!code) {
        // The resident tapped 拒绝, or the app has no phone-number quota: nothing to send.
        toast.showError('未获得手机号授权');
        return;
      }
      this.setData({ bindingPhone: true });
      try {
        const me = await meApi.bindPhone(code);
        session.saveResident(me);
        this.showMe(me);
        toast.showSuccess('手机号已绑定');
      } catch (err) {
        // request() already showed the server's explanation.
      } finally {
        this.setData({ bindingPhone: false });
      }
    },

    /** The suggestion's 打开关怀模式: the same as the switch below. */
    async onAcceptElderSuggestion() {
      await this.onElderSwitchChange({ detail: { value: true } });
      this.setData({ suggestElder: elder.suggestsElderMode(this.data.me) });
    },

    onDismissElderSuggestion() {
      elder.dismissElderSuggestion();
      this.setData({ suggestElder: false });
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    onOpenData() {
      wx.navigateTo({ url: '/pages/data/data' });
    },

    onOpenFavourites() {
      wx.navigateTo({ url: '/pages/favourites/favourites' });
    },

    onOpenLearning() {
      wx.navigateTo({ url: '/pages/learning/learning' });
    },

    onOpenPoints() {
      wx.navigateTo({ url: '/pages/points/points' });
    },

    onOpenCertificates() {
      wx.navigateTo({ url: '/pages/certificates/certificates' });
    },

    onOpenOfficer() {
      wx.navigateTo({ url: '/pages/officer/officer' });
    },

    onOpenOrganiser() {
      wx.navigateTo({ url: '/pages/organiser/organiser' });
    },

    onOpenVolunteer() {
      wx.navigateTo({ url: '/pages/volunteer/volunteer' });
    },

    onOpenWrongBook() {
      wx.navigateTo({ url: '/pages/wrong-book/wrong-book' });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },
  }),
);
