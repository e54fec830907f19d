const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const privacy = require('../../utils/privacy');
const { request } = require('../../utils/request');
const ev = require('../../utils/events');
const { POPULATION_GROUPS } = require('../../utils/groups');
const regions = require('../../utils/regions');

// 人群 is optional for someone signed up by proxy: the first choice leaves it out.
const GROUP_CHOICES = [{ value: '', label: '不清楚 / 不填' }].concat(POPULATION_GROUPS);

/** Server errors on name / phone go under those inputs; `form.<key>` ones under the custom fields. */
function splitErrors(form, fieldErrors) {
  const errors = {};
  const rest = [];
  (fieldErrors || []).forEach((e) => {
    if (e.field === 'name' || e.field === 'phone') errors[e.field] = e.message;
    else rest.push(e);
  });
  const applied = ev.applyFieldErrors(form, rest);
  return { errors, form: applied.form, other: applied.other };
}

Page(
  elderPage({
    ...ev.formHandlers,

    data: {
      state: 'loading', // loading | ready | closed | consent | missing | error
      event: null,
      closedText: '',
      name: '',
      phone: '',
      groupLabels: GROUP_CHOICES.map((g) => g.label),
      groupIndex: 0,
      // The region is optional and its tree comes in its own request, so a village with a poor
      // network can still sign someone up: loading | ready | unavailable (the picker is not shown).
      regionState: 'loading',
      regionColumns: [[], []],
      regionIndex: [0, 0],
      regionCode: '',
      regionLabel: regions.NO_REGION_LABEL,
      form: [],
      errors: {},
      refusal: '',
      submitting: false,
      result: null,
    },

    onLoad(options) {
      this.eventId = Number(options && options.id) || null;
      if (!this.eventId) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    async load() {
      try {
        const resident = await auth.ensureLogin();
        if (privacy.needsConsent(resident)) {
          // We would store another person's name and phone: not before the policy is accepted.
          this.setData({ state: 'consent' });
          return;
        }
        // Not awaited: the form must not wait for (or fail with) the optional region tree.
        this.loadRegions();
        const e = await request({ url: `/api/v1/events/${this.eventId}`, silent: true });
        this.fields = e.formFields;
        const closedText = ev.signupClosedText(e);
        this.setData({
          state: closedText ? 'closed' : 'ready',
          closedText,
          event: ev.summaryView(e),
          form: ev.formState(e.formFields),
        });
      } catch (err) {
        this.setData({ state: err.code === 'EVENT_NOT_FOUND' || err.status === 404 ? 'missing' : 'error' });
      }
    },

    async loadRegions() {
      // The tree rarely changes: a retry of the page does not fetch it again.
      if (this.towns) return;
      this.setData({ regionState: 'loading' });
      try {
        // silent: an optional field that failed to load is not worth a toast over the form.
        const towns = regions.townsOf(await request({ url: '/api/v1/regions', silent: true }));
        if (!towns.length) {
          this.setData({ regionState: 'unavailable' });
          return;
        }
        this.towns = towns;
        this.regionChoice = [0, 0];
        this.setData({
          regionState: 'ready',
          regionColumns: regions.optionalRegionColumns(towns, 0),
          regionIndex: [0, 0],
        });
      } catch (err) {
        this.setData({ regionState: 'unavailable' });
      }
    },

    onRegionColumnChange(e) {
      const { column, value } = e.detail;
      if (column !== 0) return;
      // Cascade: a new 镇/街道 shows its own 村/社区 list, starting at （整个乡镇）.
      this.setData({
        regionColumns: [this.data.regionColumns[0], regions.optionalRegionColumns(this.towns, Number(value))[1]],
        regionIndex: [Number(value), 0],
      });
    },

    onRegionChange(e) {
      const [townIndex, villageIndex] = (e.detail.value || []).map((v) => Number(v) || 0);
      this.showRegion(townIndex, villageIndex);
    },

    /** Scrolled but cancelled: the columns go back to what was chosen before. */
    onRegionCancel() {
      const [townIndex, villageIndex] = this.regionChoice || [0, 0];
      this.showRegion(townIndex, villageIndex);
    },

    showRegion(townIndex, villageIndex) {
      if (!this.towns) return;
      const chosen = regions.optionalRegionAt(this.towns, townIndex, villageIndex);
      this.regionChoice = [townIndex, villageIndex];
      this.setData({
        regionColumns: regions.optionalRegionColumns(this.towns, townIndex),
        regionIndex: [townIndex, villageIndex],
        regionCode: chosen.code,
        regionLabel: chosen.label,
      });
    },

    onRetry() {
      this.setData({ state: 'loading' });
      this.load();
    },

    onField(e) {
      const name = e.currentTarget.dataset.name;
      this.setData({ [name]: e.detail.value, [`errors.${name}`]: '' });
    },

    onGroup(e) {
      this.setData({ groupIndex: Number(e.detail.value) || 0 });
    },

    onOpenPrivacy() {
      wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
    },

    async onSubmit() {
      if (this.submitting) return;
      this.submitting = true;
      this.setData({ submitting: true, refusal: '', errors: {} });
      const group = GROUP_CHOICES[this.data.groupIndex].value;
      const data = { name: this.data.name.trim(), phone: this.data.phone.trim(), form: ev.answers(this.data.form) };
      if (group) data.populationGroup = group;
      // Left out rather than sent empty: the server rejects a blank code but ignores a missing one.
      if (this.data.regionCode) data.regionCode = this.data.regionCode;
      try {
        const signup = await request({ url: `/api/v1/events/${this.eventId}/proxy-signups`, method: 'POST', data, silent: true });
        this.setData({ result: ev.signupView(signup), form: ev.applyFieldErrors(this.data.form, []).form });
      } catch (err) {
        if (err.fieldErrors && err.fieldErrors.length) {
          const { errors, form, other } = splitErrors(this.data.form, err.fieldErrors);
          this.setData({ errors, form, refusal: other.length ? other.join('；') : '有需要修改的地方，请看上面红色的提示' });
        } else {
          this.setData({ refusal: err.detail });
        }
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },

    /** Another person for the same event: a clean form, the event kept. */
    onAnother() {
      this.setData({ result: null, name: '', phone: '', groupIndex: 0, errors: {}, refusal: '', form: ev.formState(this.fields) });
      // The next person may live elsewhere: like the group, the region starts over at 不清楚 / 不填.
      this.showRegion(0, 0);
    },

    onOpenProxied() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups?tab=proxied' });
    },
  }),
);
