// Load-more paging over the server's paged lists (`{items, total, page, size}`), the one used by every
// list page: 我的收藏, 积分明细, 错题本, 志愿服务记录, 活动, 我的报名, 首页内容流, 评论, 我的学习, 科普基地.
//
// createPager() is the plain engine (no setData): page 1, the next page, and a guard so an answer that
// a newer reload overtook (filters changed while it was in flight) is dropped. pagedList() puts it on
// a page as `items`, `total`, `page`, `hasMore`, `loadingMore` and `stale` plus load-more handlers.

const PAGE_SIZE = 20;

/** The server page inside a conditional answer ({data, stale}) or the page itself. */
function unwrap(res) {
  if (res && typeof res === 'object' && Object.prototype.hasOwnProperty.call(res, 'stale')) {
    return { body: res.data || {}, stale: Boolean(res.stale) };
  }
  return { body: res || {}, stale: false };
}

/**
 * @param {object} options
 * @param {Function} options.fetch ({page, size}) => promise of the server's page (or of {data, stale})
 * @param {Function} [options.toView] maps one server item to what the page renders
 * @param {string} [options.dedupeBy] field naming an item, when the list can shift between pages
 * @param {Function} [options.merge] (itemsSoFar, newItems) => the list to show (e.g. pinned items first)
 * @param {number} [options.size] page size (20)
 */
function createPager(options) {
  const toView = options.toView || ((x) => x);
  const size = options.size || PAGE_SIZE;
  let generation = 0;

  async function get(page) {
    const { body, stale } = unwrap(await options.fetch({ page, size }));
    return { items: (body.items || []).map(toView), total: Number(body.total) || 0, stale };
  }

  function result(items, total, page, stale) {
    return { items, total, page, hasMore: page * size < total, stale };
  }

  return {
    size,

    /** Page 1 as {items, total, page, hasMore, stale}; null when a newer first() started meanwhile. */
    async first() {
      generation += 1;
      const mine = generation;
      const got = await get(1);
      if (mine !== generation) return null;
      return result(options.merge ? options.merge([], got.items) : got.items, got.total, 1, got.stale);
    },

    /** The page after `current` ({items, page}) appended to it; null when a reload overtook it. */
    async next(current) {
      const mine = generation;
      const page = current.page + 1;
      const got = await get(page);
      if (mine !== generation) return null;
      let fresh = got.items;
      if (options.dedupeBy) {
        const key = options.dedupeBy;
        const known = new Set(current.items.map((x) => x[key]));
        fresh = fresh.filter((x) => !known.has(x[key]));
      }
      const items = options.merge ? options.merge(current.items, fresh) : current.items.concat(fresh);
      return result(items, got.total, page, got.stale);
    },

    /** Drop whatever is in flight (the list is about to be replaced). */
    invalidate() {
      generation += 1;
    },
  };
}

/**
 * Paging methods for a page; spread them into the page definition. `fetch` is called with the page as
 * `this`, so filters can be read from `this.data`. The page's own load() calls `fetchFirstPage()` and
 * puts the result in its data (or calls `reloadList()`, which does both).
 */
function pagedList(options) {
  function pagerOf(page) {
    if (!page.pager) {
      page.pager = createPager(Object.assign({}, options, { fetch: (params) => options.fetch.call(page, params) }));
    }
    return page.pager;
  }

  return {
    /** Page 1 for setData, or null when overtaken by a newer reload. */
    fetchFirstPage() {
      return pagerOf(this).first();
    },

    /** Page 1 straight onto the page; errors go to the caller. */
    async reloadList() {
      const first = await pagerOf(this).first();
      if (first) this.setData(Object.assign({ loadingMore: false }, first));
      return first;
    },

    async onLoadMore() {
      if (this.data.loadingMore || !this.data.hasMore) return;
      this.setData({ loadingMore: true });
      try {
        const next = await pagerOf(this).next({ items: this.data.items, page: this.data.page });
        if (next) this.setData(Object.assign({}, next, { stale: next.stale || this.data.stale }));
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

/** The data fields pagedList() works with, for a page's `data`. */
function pagedData() {
  return { items: [], total: 0, page: 0, hasMore: false, loadingMore: false, stale: false };
}

module.exports = { createPager, pagedList, pagedData, PAGE_SIZE };
