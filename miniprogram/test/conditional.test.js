// Conditional GETs: request({ conditional: true }) with the ETag cache of utils/conditional.js.

const { createWx, json, problem, NETWORK_FAIL } = require('./helpers/wx');
const { me, tokens, storeSession } = require('./helpers/fixtures');
const { card, page, detail } = require('./helpers/content-fixtures');

let api;
let conditional;
let server;

const FEED = '/api/v1/contents';
const FEED_KEY = 'kepu.etag:/api/v1/contents?page=1&size=20';

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  jest.resetModules();
  api = require('../app/utils/request');
  conditional = require('../app/utils/conditional');
  storeSession(wx, me());
});

function withEtag(res, etag) {
  return Object.assign({}, res, { header: Object.assign({}, res.header, { ETag: etag }) });
}

/** A server that answers like the real one: 304 when If-None-Match carries the current tag. */
function etagServer(path, getBody, getTag) {
  server.on('GET', path, (call) => {
    const tag = getTag(call);
    if (call.header['If-None-Match'] === tag) return { statusCode: 304, data: '', header: { ETag: tag } };
    return withEtag(json(200, getBody(call)), tag);
  });
}

function feed(params = {}) {
  return api.request({ url: FEED, data: Object.assign({ page: 1, size: 20 }, params), conditional: true });
}

function cachedKeys() {
  return Array.from(wx.__storage.keys()).filter((k) => k.startsWith('kepu.etag'));
}

describe('conditional GET', () => {
  test('a 200 with an ETag is stored with its body and returned as fresh', async () => {
    etagServer(FEED, () => page([card(1)]), () => '"v1"');

    const res = await feed();

    expect(res.stale).toBe(false);
    expect(res.data.items.map((i) => i.id)).toEqual([1]);
    expect(wx.__storage.get(FEED_KEY)).toEqual(expect.objectContaining({ etag: '"v1"', data: page([card(1)]) }));
    expect(wx.__storage.get('kepu.etag.index')).toEqual(['/api/v1/contents?page=1&size=20']);
    // Nothing stored yet on the first call, so nothing to revalidate.
    expect(server.calls[0].header['If-None-Match']).toBeUndefined();
  });

  test('the next call sends If-None-Match and a 304 yields the stored body', async () => {
    etagServer(FEED, () => page([card(1), card(2)]), () => 'W/"feed-7"');
    await feed();

    const res = await feed();

    const calls = server.callsTo('GET', FEED);
    expect(calls).toHaveLength(2);
    expect(calls[1].header['If-None-Match']).toBe('W/"feed-7"');
    expect(res).toEqual({ data: page([card(1), card(2)]), stale: false });
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a changed item comes back as 200 and replaces the stored copy and tag', async () => {
    let version = 1;
    etagServer('/api/v1/contents/42', () => detail(42, { version }), () => `"${version}"`);
    await api.request({ url: '/api/v1/contents/42', conditional: true });

    version = 2;
    const res = await api.request({ url: '/api/v1/contents/42', conditional: true });

    expect(server.calls[1].header['If-None-Match']).toBe('"1"');
    expect(res.data.version).toBe(2);
    expect(wx.__storage.get('kepu.etag:/api/v1/contents/42').etag).toBe('"2"');
  });

  test('the query is part of the key, in a fixed order', async () => {
    etagServer(FEED, (call) => page([card(call.data.page)]), (call) => `"p${call.data.page}"`);
    await feed({ topic: 'HEALTH' });
    await api.request({ url: FEED, data: { topic: 'HEALTH', size: 20, page: 1 }, conditional: true });
    await feed({ page: 2 });

    const calls = server.callsTo('GET', FEED);
    expect(calls[1].header['If-None-Match']).toBe('"p1"');
    expect(calls[2].header['If-None-Match']).toBeUndefined();
    expect(wx.__storage.get('kepu.etag.index')).toEqual([
      '/api/v1/contents?page=1&size=20&topic=HEALTH',
      '/api/v1/contents?page=2&size=20',
    ]);
  });

  test('offline, a stored copy comes back marked stale and no error toast is shown', async () => {
    etagServer(FEED, () => page([card(1)]), () => '"v1"');
    await feed();
    server.on('GET', FEED, NETWORK_FAIL);

    const res = await feed();

    expect(res).toEqual({ data: page([card(1)]), stale: true });
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('offline without a stored copy the request fails as before', async () => {
    server.on('GET', FEED, NETWORK_FAIL);

    await expect(feed()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络不给力，请稍后重试' }));
  });

  test('server errors are not hidden behind the stored copy', async () => {
    etagServer(FEED, () => page([card(1)]), () => '"v1"');
    await feed();
    server.on('GET', FEED, problem(404, 'CONTENT_NOT_FOUND', '内容不存在或已下线'));

    await expect(feed()).rejects.toMatchObject({ code: 'CONTENT_NOT_FOUND' });
  });

  test('a 304 that was not asked for is an error, not an empty answer', async () => {
    server.on('GET', FEED, { statusCode: 304, data: '', header: {} });

    await expect(feed()).rejects.toMatchObject({ status: 304 });
  });

  test('after a 401 the retry with the renewed token still revalidates', async () => {
    etagServer(FEED, () => page([card(1)]), () => '"v1"');
    await feed();
    server.on('GET', FEED, (call) =>
      call.header.Authorization === 'Bearer access-2'
        ? { statusCode: 304, data: '', header: {} }
        : problem(401, 'UNAUTHORIZED', '请重新登录'));
    server.on('POST', '/api/v1/auth/refresh', json(200, tokens(2)));

    const res = await feed();

    const calls = server.callsTo('GET', FEED);
    expect(calls.slice(1).map((c) => c.header['If-None-Match'])).toEqual(['"v1"', '"v1"']);
    expect(res).toEqual({ data: page([card(1)]), stale: false });
  });

  test('keyword searches are neither stored nor revalidated, and fail normally offline', async () => {
    etagServer(FEED, () => page([card(7)]), () => '"search"');

    const res = await feed({ keyword: '诈骗' });
    await feed({ keyword: '诈骗' });

    expect(res).toEqual({ data: page([card(7)]), stale: false });
    expect(server.callsTo('GET', FEED).map((c) => c.header['If-None-Match'])).toEqual([undefined, undefined]);
    expect(cachedKeys()).toEqual([]);

    server.on('GET', FEED, NETWORK_FAIL);
    await expect(feed({ keyword: '诈骗' })).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  test('keeps at most 30 entries, evicting the least recently used', async () => {
    expect(conditional.MAX_ENTRIES).toBe(30);
    for (let id = 1; id <= 31; id += 1) {
      etagServer(`/api/v1/contents/${id}`, () => detail(id), () => `"${id}"`);
    }
    for (let id = 1; id <= 30; id += 1) {
      // eslint-disable-next-line no-await-in-loop
      await api.request({ url: `/api/v1/contents/${id}`, conditional: true });
    }
    // Item 1 is opened again (304): it becomes the most recently used, so item 2 is now the oldest.
    await api.request({ url: '/api/v1/contents/1', conditional: true });
    expect(server.calls[server.calls.length - 1].header['If-None-Match']).toBe('"1"');

    await api.request({ url: '/api/v1/contents/31', conditional: true });

    const index = wx.__storage.get('kepu.etag.index');
    expect(index).toHaveLength(30);
    expect(index[index.length - 1]).toBe('/api/v1/contents/31');
    expect(index).not.toContain('/api/v1/contents/2');
    expect(wx.__storage.has('kepu.etag:/api/v1/contents/2')).toBe(false);
    expect(wx.__storage.has('kepu.etag:/api/v1/contents/1')).toBe(true);
    expect(cachedKeys()).toHaveLength(31); // 30 entries + the index
  });

  test('a refused refresh token ends the session and clears the cache', async () => {
    etagServer(FEED, () => page([card(1)]), () => '"v1"');
    await feed();
    expect(cachedKeys()).not.toEqual([]);
    // The access token has expired and the refresh token is refused: wx.login starts a new session.
    wx.__storage.set('kepu.accessTokenExpiresAt', '2000-01-01T00:00:00Z');
    server.on('POST', '/api/v1/auth/refresh', problem(401, 'REFRESH_TOKEN_INVALID', '请重新登录'));
    server.on('POST', '/api/v1/auth/wechat-login', json(200, tokens(2)));

    await feed();

    // The feed was downloaded again in full for the new session (no If-None-Match).
    const calls = server.callsTo('GET', FEED);
    expect(calls[1].header['If-None-Match']).toBeUndefined();
    expect(calls[1].header.Authorization).toBe('Bearer access-2');
  });

  test('another resident signing in clears the cache; the same resident renewing keeps it', async () => {
    const session = require('../app/utils/session');
    etagServer(FEED, () => page([card(1)]), () => '"v1"');
    await feed();

    session.saveSession(tokens(2, me()));
    expect(wx.__storage.has(FEED_KEY)).toBe(true);

    session.saveSession(tokens(3, me({ id: 2002 })));
    expect(cachedKeys()).toEqual([]);
  });

  test('clear() removes every entry and the index', async () => {
    etagServer(FEED, (call) => page([card(call.data.page)]), (call) => `"p${call.data.page}"`);
    await feed();
    await feed({ page: 2 });

    conditional.clear();

    expect(cachedKeys()).toEqual([]);
  });
});
