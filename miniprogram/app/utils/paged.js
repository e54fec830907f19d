const { request } = require('./request');

const PAGE_SIZE = 20;

/**
 * Load-more paging over one of the server's `{items, total, page, size}` endpoints, shared by the list
 * pages. The page keeps `items`, `total`, `page` and `loadingMore` in its data; spread the returned methods
 * into the page definition and call `fetchFirstPage()` from its own `load()`.
 *
 * @param {string} url endpoint path
 * @param {Function} toView maps one server item to what the page renders
 * @param {string} [dedupeBy] field identifying an item, when a list can shift between pages (new items on top)
 */
function pagedList({ url, toView, dedupeBy }) {
  async function fetch(page) {
    const res = await request({ url, data: { page, size: PAGE_SIZE } });
    return { items: res.items.map(toView), total: res.total, page };
  }
  return {
    fetchFirstPage() {
      return fetch(1);
    },

    async onLoadMore() {
      if (this.data.loadingMore || this.data.items.length >= this.data.total) return;
      this.setData({ loadingMore: true });
      try {
        const next = await fetch(this.data.page + 1);
        let { items } = next;
        if (dedupeBy) {
          const known = new Set(this.data.items.map((x) => x[dedupeBy]));
          items = items.filter((x) => !known.has(x[dedupeBy]));
        }
        this.setData({ items: this.data.items.concat(items), total: next.total, page: next.page });
      } catch (err) {
        // request() showed the reason; the button stays for another try.
      } finally {
        this.setData({ loadingMore: false });
      }
    },

    onReachBottom() {
      return this.onLoadMore();
    },
  };
}

module.exports = { pagedList, PAGE_SIZE };
