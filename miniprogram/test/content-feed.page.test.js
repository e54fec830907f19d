const { createWx, json, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { card, page } = require('./helpers/content-fixtures');
const { renderPage, resetPages, text, hasClass, inner } = require('./helpers/render');

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

    p.querySelector('#search-input').dispatchEvent('input', { detail: { value: '  诈骗 ' } });
    p.querySelector('#search-btn').dispatchEvent('tap');
    await flush();

    const calls = server.callsTo('GET', '/api/v1/contents');
    expect(calls[calls.length - 1].data).toEqual({ page: 1, size: 20, keyword: '诈骗' });
    expect(cardOrder(p)).toEqual(['防范电信诈骗']);
    expect(text(p.querySelector('#search-note'))).toContain('“诈骗”的搜索结果，共 1 条');

    p.querySelector('#search-clear').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('GET', '/api/v1/contents').pop().data).toEqual({ page: 1, size: 20 });
    expect(cardOrder(p)).toHaveLength(2);
  });

  test('the search keyboard\'s confirm key searches too', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([])));
    const p = await openFeed();

    p.querySelector('#search-input').dispatchEvent('confirm', { detail: { value: '防汛' } });
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').pop().data).toEqual({ page: 1, size: 20, keyword: '防汛' });
    expect(text(p.querySelector('#feed-empty'))).toContain('没有找到相关内容');
  });

  test('type, topic and group filters go to the server and restart from page 1', async () => {
    server.on('GET', '/api/v1/contents', json(200, page([card(1)])));
    const p = await openFeed();

    p.querySelector('#type-VIDEO').dispatchEvent('tap');
    await flush();
    p.querySelector('#topic-CHEMICAL').dispatchEvent('tap');
    await flush();
    await p.instance.onGroupChange({ detail: { value: '4' } }); // 老年人
    await flush();

    expect(server.callsTo('GET', '/api/v1/contents').map((c) => c.data)).toEqual([
      { page: 1, size: 20 },
      { page: 1, size: 20, type: 'VIDEO' },
      { page: 1, size: 20, type: 'VIDEO', topic: 'CHEMICAL' },
      { page: 1, size: 20, type: 'VIDEO', topic: 'CHEMICAL', group: 'ELDERLY' },
    ]);
    expect(hasClass(p.querySelector('#topic-CHEMICAL'), 'chip-on')).toBe(true);
    expect(text(p.querySelector('#group-chip'))).toContain('老年人');

    // Tapping the chosen topic again clears it.
    p.querySelector('#topic-CHEMICAL').dispatchEvent('tap');
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
