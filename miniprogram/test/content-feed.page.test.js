const { createWx, json, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { card, page } = require('./helpers/content-fixtures');
const { renderPage, resetPages, text, hasClass, inner, tapChip } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

async function openFeed() {
  const p = await renderPage('pages/index/index');
  await flush();
  return p;
}

/** The content-card component renders no host node: its own root carries the class "card". */
function cardComp(p, id) {
  const comp = p.querySelector(`#card-${id}`);
  if (!comp) throw new Error(`#card-${id} not rendered`);
  return comp;
}

function cardRoot(p, id) {
  return cardComp(p, id).querySelector('.card');
}

function cardOrder(p) {
  return Array.from(p.querySelector('#feed').dom.querySelectorAll('[class$="title"]')).map((n) => n.textContent.trim());
}

describe('首页 feed', () => {
  test('shows active emergency items first with a red 应急 badge, with cover images', async () => {
    // The pinned item arrives second: it is still shown on top.
    server.on('GET', '/api/v1/contents', json(200, page([
      card(1, { title: '冬季养生' }),
      card(2, { title: '化工园区应急避险', emergency: true, pinned: true, topics: ['EMERGENCY'] }),
      card(3, { title: '防汛知识', emergency: true, pinned: false, coverUrl: null, coverThumbnailUrl: null }),
    ])));

    const p = await openFeed();

    expect(cardOrder(p)).toEqual(['化工园区应急避险', '冬季养生', '防汛知识']);
    expect(text(cardComp(p, 2).querySelector('.badge-emergency'))).toBe('应急');
    expect(hasClass(cardRoot(p, 2), 'card-pinned')).toBe(true);
    // Only active (pinned) emergency items get the badge.
    expect(cardComp(p, 1).querySelector('.badge-emergency')).toBeUndefined();
    expect(cardComp(p, 3).querySelector('.badge-emergency')).toBeUndefined();
    // simulate's built-in <image> keeps no src attribute: check the card's data and that the image is there.
    expect(cardComp(p, 1).querySelector('.cover')).toBeDefined();
    expect(cardComp(p, 1).instance.data.item.cover).toBe('https://media.example.test/cover-1.jpg?w=400');
    expect(cardComp(p, 3).querySelector('.cover')).toBeUndefined();
    expect(text(cardRoot(p, 1))).toContain('阅读约 3 分钟');
    expect(text(cardRoot(p, 1))).toContain('健康生活');

    // No filters: the server's default order (the resident's own group first) applies.
    expect(server.callsTo('GET', '/api/v1/contents').map((c) => c.data)).toEqual([{ page: 1, size: 20 }]);
  });

  test('keeps the 关怀模式 switch and the link to 我的 compact above the feed', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([card(1)])));
    const p = await openFeed();

    expect(p.querySelector('#elder-switch')).toBeDefined();
    inner(p, 'open-me', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/me/me' });
  });

  test('search sends the keyword and shows the result count; clearing goes back to the feed', async () => {
    server.on('GET', '/api/v1/contents', (call) =>
      json(200, call.data.keyword ? page([card(7, { title: '防范电信诈骗' })]) : page([card(1), card(2)])));
    const p = await openFeed();

    inner(p, 'search', '.t-input__keyword').dispatchEvent('input', { detail: { value: '  诈骗 ' } });
    await flush();
    inner(p, 'search', '.t-search__search-action').dispatchEvent('tap');
    await flush();

    const calls = server.callsTo('GET', '/api/v1/contents');
    expect(calls[calls.length - 1].data).toEqual({ page: 1, size: 20, keyword: '诈骗' });
    expect(cardOrder(p)).toEqual(['防范电信诈骗']);
    expect(text(p.querySelector('#search-note'))).toContain('“诈骗”的搜索结果，共 1 条');

    inner(p, 'search', '.t-search__clear').dispatchEvent('touchstart');
    await flush();
    expect(server.callsTo('GET', '/api/v1/contents').pop().data).toEqual({ page: 1, size: 20 });
    expect(cardOrder(p)).toHaveLength(2);
  });

  test('the search keyboard\'s confirm key searches too', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([])));
    const p = await openFeed();

    inner(p, 'search', '.t-input__keyword').dispatchEvent('confirm', { detail: { value: '防汛' } });
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').pop().data).toEqual({ page: 1, size: 20, keyword: '防汛' });
    expect(text(p.querySelector('#feed-empty'))).toContain('没有找到相关内容');
  });

  test('type, topic and group filters go to the server and restart from page 1', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([card(1)])));
    const p = await openFeed();

    tapChip(p, 'type-VIDEO');
    await flush();
    tapChip(p, 'topic-CHEMICAL');
    await flush();
    await p.instance.onGroupChange({ detail: { value: '4' } }); // 老年人
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').map((c) => c.data)).toEqual([
      { page: 1, size: 20 },
      { page: 1, size: 20, type: 'VIDEO' },
      { page: 1, size: 20, type: 'VIDEO', topic: 'CHEMICAL' },
      { page: 1, size: 20, type: 'VIDEO', topic: 'CHEMICAL', group: 'ELDERLY' },
    ]);
    expect(hasClass(p.querySelector('#topic-CHEMICAL'), 't-tag--checked')).toBe(true);
    expect(hasClass(p.querySelector('#topic-EMERGENCY'), 't-tag--checked')).toBe(false);
    expect(text(p.querySelector('#group-chip'))).toContain('老年人');

    // Tapping the chosen topic again clears it.
    tapChip(p, 'topic-CHEMICAL');
    await flush();
    expect(server.callsTo('GET', '/api/v1/contents').pop().data).toEqual({ page: 1, size: 20, type: 'VIDEO', group: 'ELDERLY' });
  });

  test('load more fetches the next page and appends it; no button after the last page', async () => {
    const first = Array.from({ length: 20 }, (_, i) => card(i + 1));
    server.on('GET', '/api/v1/contents', (call) =>
      json(200, call.data.page === 1 ? page(first, 22) : page([card(20), card(21), card(22)], 22, 2)));
    const p = await openFeed();
    expect(cardOrder(p)).toHaveLength(20);

    inner(p, 'load-more', '.t-button').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').map((c) => c.data.page)).toEqual([1, 2]);
    // Item 20 shifted onto page 2 meanwhile: shown once.
    expect(cardOrder(p)).toHaveLength(22);
    expect(p.querySelector('#load-more')).toBeUndefined();
    expect(text(p.querySelector('#feed-end'))).toBe('没有更多了');

    await p.instance.onReachBottom();
    expect(server.callsTo('GET', '/api/v1/contents')).toHaveLength(2);
  });

  test('reaching the bottom loads more too', async () => {
    server.on('GET', '/api/v1/contents', (call) =>
      json(200, page([card(call.data.page * 100)], 40, call.data.page)));
    const p = await openFeed();

    await p.instance.onReachBottom();
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').map((c) => c.data.page)).toEqual([1, 2]);
    expect(cardOrder(p)).toEqual(['科普文章 100', '科普文章 200']);
  });

  test('pull-down refresh reloads page 1 and stops the spinner', async () => {
    let round = 0;
    server.on('GET', '/api/v1/contents', () => {
      round += 1;
      return json(200, page([card(round, { title: `第 ${round} 次` })]));
    });
    wx.stopPullDownRefresh = jest.fn();
    const p = await openFeed();

    await p.instance.onPullDownRefresh();
    await flush();

    expect(cardOrder(p)).toEqual(['第 2 次']);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  test('coming back from an item keeps the list instead of fetching again', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([card(5)])));
    const p = await openFeed();

    p.querySelector('#card-5').querySelector('.card').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/content/detail?id=5' });

    await p.instance.onShow();
    await flush();
    expect(server.callsTo('GET', '/api/v1/contents')).toHaveLength(1);
  });

  test('in 关怀模式 the cards use the large layout', async () => {
    storeSession(wx, me({ elderMode: true }));
    server.on('GET', '/api/v1/contents', json(200, page([card(1)])));
    const p = await openFeed();

    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(hasClass(cardRoot(p, 1), 'card-elder')).toBe(true);
  });
});

describe('首页 feed with conditional GETs', () => {
  const NOTICE = '网络不给力，显示的是上次加载的内容';

  /** Answers like the server: an ETag per page, 304 when If-None-Match carries it. */
  function etagFeed(pages, version = 1) {
    server.on('GET', '/api/v1/contents', (call) => {
      const tag = `"v${version}-page-${call.data.page}"`;
      if (call.header['If-None-Match'] === tag) return { statusCode: 304, data: '', header: { ETag: tag } };
      const res = json(200, pages[call.data.page]);
      res.header.ETag = tag;
      return res;
    });
  }

  /** A new open of the home page on the same phone (storage kept). */
  async function reopen() {
    resetPages();
    return openFeed();
  }

  test('opening again revalidates with If-None-Match and shows the stored feed on 304', async () => {
    etagFeed({ 1: page([card(1, { title: '冬季养生' })]) });
    await openFeed();

    const p = await reopen();

    const calls = server.callsTo('GET', '/api/v1/contents');
    expect(calls[1].header['If-None-Match']).toBe('"v1-page-1"');
    expect(cardOrder(p)).toEqual(['冬季养生']);
    expect(p.querySelector('#stale-notice')).toBeUndefined();
  });

  test('offline, the last loaded feed is shown with a notice instead of an error', async () => {
    etagFeed({ 1: page([card(1, { title: '冬季养生' }), card(2, { title: '防汛知识' })]) });
    await openFeed();
    server.on('GET', '/api/v1/contents', NETWORK_FAIL);

    const p = await reopen();

    expect(cardOrder(p)).toEqual(['冬季养生', '防汛知识']);
    expect(text(p.querySelector('#stale-notice'))).toBe(NOTICE);
    expect(p.querySelector('#feed-error')).toBeUndefined();
    expect(wx.showToast).not.toHaveBeenCalled();

    // Back online, pulling down replaces the old copy and the notice goes away.
    etagFeed({ 1: page([card(3, { title: '新内容' })]) }, 2);
    wx.stopPullDownRefresh = jest.fn();
    await p.instance.onPullDownRefresh();
    await flush();
    expect(cardOrder(p)).toEqual(['新内容']);
    expect(p.querySelector('#stale-notice')).toBeUndefined();
  });

  test('offline without a stored feed the error and retry stay as before', async () => {
    server.on('GET', '/api/v1/contents', NETWORK_FAIL);

    const p = await openFeed();

    expect(p.querySelector('#feed-error')).toBeDefined();
    expect(p.querySelector('#stale-notice')).toBeUndefined();
  });

  test('load more uses the stored next page offline and shows the notice', async () => {
    const first = Array.from({ length: 20 }, (_, i) => card(i + 1));
    etagFeed({ 1: page(first, 22), 2: page([card(21), card(22)], 22, 2) });
    const online = await openFeed();
    await online.instance.onLoadMore();
    await flush();
    // Page 1 is fresh; only page 2 has to come from the stored copy.
    server.on('GET', '/api/v1/contents', (call) => {
      if (call.data.page === 2) return NETWORK_FAIL;
      return { statusCode: 304, data: '', header: { ETag: '"v1-page-1"' } };
    });

    const p = await reopen();
    expect(p.querySelector('#stale-notice')).toBeUndefined();
    await p.instance.onLoadMore();
    await flush();

    expect(cardOrder(p)).toHaveLength(22);
    expect(text(p.querySelector('#stale-notice'))).toBe(NOTICE);
  });

  test('searches are not kept: offline they fail as before', async () => {
    etagFeed({ 1: page([card(1)]) });
    const p = await openFeed();
    server.on('GET', '/api/v1/contents', NETWORK_FAIL);

    inner(p, 'search', '.t-input__keyword').dispatchEvent('confirm', { detail: { value: '防汛' } });
    await flush();

    expect(p.querySelector('#feed-error')).toBeDefined();
    expect(wx.__storage.get('kepu.etag.index')).toEqual(['/api/v1/contents?page=1&size=20']);
  });

  test('in 关怀模式 the notice is shown too', async () => {
    storeSession(wx, me({ elderMode: true }));
    etagFeed({ 1: page([card(1)]) });
    await openFeed();
    server.on('GET', '/api/v1/contents', NETWORK_FAIL);

    const p = await reopen();

    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(text(p.querySelector('#stale-notice'))).toBe(NOTICE);
    expect(hasClass(cardRoot(p, 1), 'card-elder')).toBe(true);
  });
});
