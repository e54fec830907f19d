// 应急通知 banner, at the top of every page until the resident taps 我知道了. It shows what utils/emergency.js
// holds and asks it to refresh whenever its page shows.

const store = require('../../utils/emergency');

Component({
  data: { items: [] },

  lifetimes: {
    attached() {
      this.stop = store.watch((items) => this.setData({ items }));
      store.refresh();
    },
    detached() {
      if (this.stop) this.stop();
    },
  },

  pageLifetimes: {
    show() {
      store.refresh();
    },
  },

  methods: {
    onRead(e) {
      return store.markRead(Number(e.currentTarget.dataset.id));
    },
  },
});
