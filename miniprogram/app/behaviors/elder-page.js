// Mixin that gives a page the 关怀模式 flag without repeating code.
//
// A plain wrapper around the Page options rather than a Behavior: behaviors on Page() do not
// reliably merge page lifecycles like onShow, and we need onShow so that a page that was hidden
// while the mode changed elsewhere (e.g. on 我的) picks the new value up when it comes back.
//
// Each page puts `class="page {{elder ? 'page-elder' : ''}}"` on its root view; app.wxss
// does the rest.

const elder = require('../utils/elder');

function elderPage(options) {
  const { onLoad, onShow } = options;
  return Object.assign({}, options, {
    data: Object.assign({ elder: elder.isElderMode() }, options.data),

    onLoad(query) {
      this.setData({ elder: elder.isElderMode() });
      return onLoad ? onLoad.call(this, query) : undefined;
    },

    onShow() {
      if (this.data.elder !== elder.isElderMode()) {
        this.setData({ elder: elder.isElderMode() });
      }
      return onShow ? onShow.call(this) : undefined;
    },

    /** Bound to a t-switch: flips the page at once and saves; reverts if the server refuses. */
    async onElderSwitchChange(e) {
      const on = Boolean(e.detail.value);
      this.setData({ elder: on });
      try {
        await elder.saveElderMode(on);
      } catch (err) {
        this.setData({ elder: elder.isElderMode() });
      }
    },
  });
}

module.exports = { elderPage };
