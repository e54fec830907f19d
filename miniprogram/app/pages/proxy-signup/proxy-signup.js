const { elderPage } = require('../../behaviors/elder-page');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const events = require('../../api/events');
const regionsApi = require('../../api/regions');
const ev = require('../../utils/events');
const { POPULATION_GROUPS } = require('../../utils/groups');
const regions = require('../../utils/regions');

// 人群 is optional for someone signed up by proxy: the first choice leaves it out.
const GROUP_CHOICES = [{ value: '', label: '不清楚 / 不填' }].concat(POPULATION_GROUPS);

/** Server errors on name / phone / birth year go under those inputs; `form.<key>` ones under the custom fields. */
function splitErrors(form, fieldErrors) {
  const errors = {};
  const rest = [];
  (fieldErrors || []).forEach((e) => {
    if (e.field === 'name' || e.field === 'phone' || e.field === 'birthYear') errors[e.field] = e.message;
    else rest.push(e);
  });
  const applied = ev.applyFieldErrors(form, rest);
  return { errors, form: applied.form, other: applied.other };
}

function ageLimited(eligibility) {
  return Boolean(eligibility && (eligibility.minAge != null || eligibility.maxAge != null));
}

Page(
  elderPage({
    ...ev.formHandlers,
    // We would store another person's name and phone: not before the policy is accepted.
    ...loadable({
      consent: true,
      async fetch() {
        // Not awaited: the form must not wait for (or fail with) the optional region tree.
        this.loadRegions();
        const e = await orNullIfMissing(events.detail(this.eventId, { silent: true }));
        if (!e) return { state: 'missing' };
        this.fields = e.formFields;
        const closedText = ev.signupClosedText(e);
        return {
          state: closedText ? 'closed' : 'ready',
          closedText,
          event: Object.assign(ev.summaryView(e), { ageLimited: ageLimited(e.eligibility) }),
          form: ev.formState(e.formFields),
        };
      },
    }),

    data: {
      state: 'loading', // loading | ready | closed | consent | missing | error
      error: null,
      event: null,
      closedText: '',
      name: '',
      phone: '',
      // Optional, but an event limited by age refuses a proxy signup whose age is not declared.
      birthYear: '',
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

    async loadRegions() {
      // The tree rarely changes: a retry of the page does not fetch it again.
      if (this.towns) return;
      this.setData({ regionState: 'loading' });
      try {
        // silent: an optional field that failed to load is not worth a toast over the form.
        const towns = regions.townsOf(await regionsApi.tree({ silent: true }));
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

    onField(e) {
      const name = e.currentTarget.dataset.name;
      this.setData({ [name]: e.detail.value, [`errors.${name}`]: '' });
    },

    onGroup(e) {
      this.setData({ groupIndex: Number(e.detail.value) || 0 });
    },

    async onSubmit() {
      if (this.submitting) return;
      this.submitting = true;
      this.setData({ submitting: true, refusal: '', errors: {} });
      const group = GROUP_CHOICES[this.data.groupIndex].value;
      const data = { name: this.data.name.trim(), phone: this.data.phone.trim(), form: ev.answers(this.data.form) };
      if (group) data.populationGroup = group;
      const birthYear = String(this.data.birthYear || '').trim();
      if (birthYear) data.birthYear = Number(birthYear);
      // Left out rather than sent empty: the server rejects a blank code but ignores a missing one.
      if (this.data.regionCode) data.regionCode = this.data.regionCode;
      try {
        const signup = await events.proxySignup(this.eventId, data, { silent: true });
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
      this.setData({ result: null, name: '', phone: '', birthYear: '', groupIndex: 0, errors: {}, refusal: '', form: ev.formState(this.fields) });
      // The next person may live elsewhere: like the group, the region starts over at 不清楚 / 不填.
      this.showRegion(0, 0);
    },

    onOpenProxied() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups?tab=proxied' });
    },
  }),
);
