const { createWx, json, flush } = require('./helpers/wx');
const { me, regions, storeSession } = require('./helpers/fixtures');
const { card, page, detail } = require('./helpers/content-fixtures');
const { renderPage, resetPages, text, inner, hasClass } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

describe('我的收藏', () => {
  test('lists favourites, pages on, and opens an item', async () => {
    const first = Array.from({ length: 20 }, (_, i) => card(i + 1, { title: `收藏 ${i + 1}` }));
    server.on('GET', '/api/v1/me/favourites', (call) =>
      json(200, call.data.page === 1 ? page(first, 21) : page([card(21, { title: '收藏 21', type: 'VIDEO', lengthSeconds: 95 })], 21, 2)));

    const p = await renderPage('pages/favourites/favourites');
    await flush();

    expect(text(p.querySelector('#count'))).toBe('共收藏 21 条');
    expect(p.querySelector('#card-20')).toBeDefined();
    expect(p.querySelector('#card-21')).toBeUndefined();

    inner(p, 'load-more', '.t-button').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('GET', '/api/v1/me/favourites').map((c) => c.data)).toEqual([{ page: 1, size: 20 }, { page: 2, size: 20 }]);
    expect(text(p.querySelector('#card-21'))).toContain('视频 · 1:35');
    expect(p.querySelector('#load-more')).toBeUndefined();

    p.querySelector('#card-21').querySelector('.card').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/content/detail?id=21' });
  });

  test('is fetched again on every show, so an item un-favourited elsewhere disappears', async () => {
    let items = [card(1), card(2)];
    server.on('GET', '/api/v1/me/favourites', () => json(200, page(items)));
    const p = await renderPage('pages/favourites/favourites');
    await flush();
    expect(p.querySelector('#card-2')).toBeDefined();

    items = [card(1)];
    await p.instance.onShow();
    await flush();

    expect(p.querySelector('#card-2')).toBeUndefined();
  });

  test('an empty list points to the feed', async () => {
    server.on('GET', '/api/v1/me/favourites', json(200, page([])));
    const p = await renderPage('pages/favourites/favourites');
    await flush();

    expect(text(p.querySelector('#empty'))).toContain('还没有收藏');
    inner(p, 'open-feed', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  test('我的 links to 我的收藏', async () => {
    server.on('GET', '/api/v1/me', json(200, me()));
    server.on('GET', '/api/v1/regions', json(200, regions()));
    const p = await renderPage('pages/me/me');
    await flush();

    inner(p, 'open-favourites', '.t-cell').dispatchEvent('tap');
    await flush();

    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/favourites/favourites' });
  });
});

describe('the content pages apply 关怀模式', () => {
  test.each([
    ['pages/favourites/favourites', {}],
    ['pages/content/detail', { id: '42' }],
  ])('%s', async (route, query) => {
    storeSession(wx, me({ elderMode: true }));
    server.on('GET', '/api/v1/me/favourites', json(200, page([card(1)])));
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
    server.on('GET', '/api/v1/contents/42/comments', json(200, page([])));

    const p = await renderPage(route, query);
    await flush();

    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    if (p.instance.onUnload) p.instance.onUnload();
  });
});
