const { elderPage } = require('../../behaviors/elder-page');
const privacy = require('../../utils/privacy');
const session = require('../../utils/session');
const subscribe = require('../../utils/subscribe');
const { loadable, orNullIfMissing } = require('../../utils/page-load');
const events = require('../../api/events');
const ev = require('../../utils/events');

/** The detail view plus the texts the template needs. */
function detailView(e) {
  return Object.assign(ev.summaryView(e), {
    sessions: (e.sessions || []).map((s) => Object.assign({}, s, {
      timeText: ev.formatRange(s.startsAt, s.endsAt),
      hoursText: ev.hoursText(s.hours),
    })),
    eligibilityText: ev.eligibilityText(e.eligibility),
    signupWindowText: `${ev.formatRange(e.signupOpensAt, null)} 至 ${ev.formatRange(e.signupClosesAt, null)}`,
    cancelDeadlineText: e.cancelDeadline ? ev.formatRange(e.cancelDeadline, null) : '',
    venueName: e.venue ? e.venue.name : '',
    venueAddress: e.venue ? e.venue.address : '',
  });
}

/**
 * Whether the signup and 代报名 buttons make sense right now; the server still has the last word.
 * Signing others up does not depend on the resident's own signup, so it has its own flag.
 */
function signupState(e) {
  const closed = ev.signupClosedText(e);
  if (e.mySignup && e.mySignup.status !== 'CANCELLED') {
    // Their own status is shown instead; only a cancelled or finished event still needs saying.
    const ended = e.status && e.status !== 'PUBLISHED';
    return { canSignup: false, canProxy: !closed, closedText: ended ? closed : '' };
  }
  return { canSignup: !closed, canProxy: !closed, closedText: closed };
}

Page(
  elderPage({
    ...ev.formHandlers,
    ...loadable({
      async fetch() {
        // Fetched ahead of the tap, which must reach wx.requestSubscribeMessage without an await.
        if (!this.templatesRequested) {
          this.templatesRequested = true;
          subscribe.loadTemplates().then((list) => {
            this.templates = list;
          });
        }
        const e = await orNullIfMissing(events.detail(this.eventId, { silent: true }));
        if (!e) return { state: 'missing' };
        const patch = Object.assign(
          { event: detailView(e), mine: e.mySignup ? ev.signupView(e.mySignup) : null },
          signupState(e),
        );
        // The form is filled in once; a refresh after signing up keeps what the page shows.
        if (!this.formShown) {
          this.formShown = true;
          patch.form = ev.formState(e.formFields);
        }
        if (wx.setNavigationBarTitle) wx.setNavigationBarTitle({ title: e.kindLabel || '活动详情' });
        return patch;
      },
    }),

    data: {
      state: 'loading', // loading | ready | error | missing
      error: null,
      event: null,
      form: [],
      mine: null,
      canSignup: false,
      canProxy: false,
      closedText: '',
      submitting: false,
      result: null,
      refusal: '',
    },

    onLoad(options) {
      // Notices open ?id=; the poster code opens with scene "e=<id>".
      this.eventId = ev.eventIdFromOptions(options);
      if (!this.eventId) {
        this.setData({ state: 'missing' });
        return undefined;
      }
      return this.load();
    },

    onSignup() {
      // A plain field set before the first await: setData is too late to stop a second tap.
      if (this.submitting) return undefined;
      // Read synchronously (load() already logged in): an await here would cost the tap gesture
      // that wx.requestSubscribeMessage needs.
      if (privacy.needsConsent(session.getResident())) {
        // Signing up stores answers about the resident: not before the policy is accepted.
        wx.navigateTo({ url: '/pages/privacy/privacy?reason=consent' });
        return undefined;
      }
      this.submitting = true;
      this.setData({ submitting: true, refusal: '' });
      return this.submitSignup(subscribe.ask(this.templates));
    },

    async submitSignup(acceptedPromise) {
      // Whatever the resident answered (or if the dialog failed), the signup goes ahead.
      const accepted = await acceptedPromise;
      const data = { form: ev.answers(this.data.form) };
      if (accepted.length) data.subscribedTemplates = accepted;
      try {
        const signup = await events.signup(this.eventId, data, { silent: true });
        this.setData({ result: ev.signupView(signup), form: ev.applyFieldErrors(this.data.form, []).form });
        await this.load();
      } catch (err) {
        if (err.fieldErrors && err.fieldErrors.length) {
          const { form, other } = ev.applyFieldErrors(this.data.form, err.fieldErrors);
          this.setData({ form, refusal: other.length ? other.join('；') : '报名表有需要修改的地方，请看上面红色的提示' });
        } else {
          this.setData({ refusal: err.detail });
        }
      } finally {
        this.submitting = false;
        this.setData({ submitting: false });
      }
    },

    onProxySignup() {
      wx.navigateTo({ url: `/pages/proxy-signup/proxy-signup?id=${this.eventId}` });
    },

    onMySignups() {
      wx.navigateTo({ url: '/pages/my-signups/my-signups' });
    },

    onOpenMap() {
      const e = this.data.event;
      if (!e || !e.venue || e.venue.latitude === null || e.venue.latitude === undefined) return;
      wx.openLocation({
        latitude: Number(e.venue.latitude),
        longitude: Number(e.venue.longitude),
        name: e.venue.name,
        address: e.venue.address || '',
        scale: 16,
      });
    },

    onShareAppMessage() {
      const e = this.data.event;
      return { title: e ? e.title : '科普活动', path: `/pages/event/detail?id=${this.eventId}` };
    },
  }),
);
