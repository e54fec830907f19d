// The network layer under the pages: honest error states (no network vs the server's answers),
// the consent-gated page-load helper and the paging helper.

const { json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, storeSession, signedIn } = require('./helpers/fixtures');
const { card, page } = require('./helpers/content-fixtures');
const { renderPage, text, inner } = require('./helpers/render');
const { request, OFFLINE_MESSAGE, NETWORK_ERROR_MESSAGE } = require('../app/utils/request');
const { describeError } = require('../app/utils/errors');
const { createPager } = require('../app/utils/paged');

let server;

beforeEach(() => {
  server = signedIn();
});

function errorBox(p) {
  return p.querySelector('#error');
}

function retryButton(p) {
  const button = errorBox(p).querySelector('#state-retry');
  return button ? button.querySelector('.t-button') : null;
}

describe('request failures', () => {
  test('no answer and the phone has no network: the error says so', async () => {
    server.on('GET', '/api/v1/me', NETWORK_FAIL);
    wx.__network = 'none';
    await expect(request({ url: '/api/v1/me' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0, offline: true, detail: OFFLINE_MESSAGE });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: OFFLINE_MESSAGE }));
  });

  test('no answer while the phone has a network: the connection to the server is blamed', async () => {
    server.on('GET', '/api/v1/me', NETWORK_FAIL);
    await expect(request({ url: '/api/v1/me' })).rejects.toMatchObject({ code: 'NETWORK_ERROR', offline: false, detail: NETWORK_ERROR_MESSAGE });
  });

  test.each([
    [{ status: 0, code: 'NETWORK_ERROR', offline: true }, 'offline', '手机没有连上网络', true],
    [{ status: 0, code: 'NETWORK_ERROR', offline: false }, 'network', '网络不给力', true],
    [{ status: 401, code: 'UNAUTHORIZED' }, 'auth', '登录已失效', true],
    [{ status: 0, code: 'WX_LOGIN_FAILED' }, 'auth', '登录已失效', true],
    [{ status: 403, code: 'FORBIDDEN', detail: '无权操作' }, 'forbidden', '没有权限', false],
    [{ status: 404, code: 'EVENT_NOT_FOUND', detail: '活动不存在' }, 'missing', '活动不存在', false],
    [{ status: 500, code: 'INTERNAL', detail: '服务暂时不可用，请稍后重试' }, 'server', '服务器暂时出了问题', true],
    [{ status: 502, code: 'HTTP_502' }, 'server', '服务器暂时出了问题', true],
    [{ status: 409, code: 'DAILY_ALREADY_DONE', detail: '今天的每日答题已完成' }, 'refused', '没有办成', false],
    [{ status: 0, code: 'SIGNED_OUT' }, 'signedOut', '您已注销账号', false],
  ])('%j is shown as %s', (err, kind, title, retry) => {
    const shown = describeError(err);
    expect(shown).toMatchObject({ kind, title, retry });
    expect(shown.message).toBeTruthy();
  });

  test('a refusal carries the server\'s reason and the page\'s own heading', () => {
    expect(describeError({ status: 409, detail: '今天的每日答题已完成' }, { refusedTitle: '现在不能答题' }))
      .toEqual({ kind: 'refused', title: '现在不能答题', message: '今天的每日答题已完成', retry: false });
  });
});

describe('error states on a page (我的收藏)', () => {
  test('offline: “手机没有连上网络” with 重试, which loads the list once the network is back', async () => {
    wx.__network = 'none';
    server.on('GET', '/api/v1/me/favourites', NETWORK_FAIL);
    const p = await renderPage('pages/favourites/favourites');
    await flush();

    expect(text(errorBox(p))).toContain('手机没有连上网络');
    expect(text(errorBox(p))).toContain('请打开移动数据或连接无线网络');
    expect(text(errorBox(p))).not.toContain('服务器');

    wx.__network = 'wifi';
    server.on('GET', '/api/v1/me/favourites', json(200, page([card(1, { title: '冬季养生' })])));
    retryButton(p).dispatchEvent('tap');
    await flush();

    expect(errorBox(p)).toBeUndefined();
    expect(text(p.querySelector('#card-1'))).toContain('冬季养生');
  });

  test('a server failure is not blamed on the phone, and can be retried', async () => {
    server.on('GET', '/api/v1/me/favourites', problem(500, 'INTERNAL', '服务暂时不可用，请稍后重试'));
    const p = await renderPage('pages/favourites/favourites');
    await flush();

    expect(text(errorBox(p))).toContain('服务器暂时出了问题');
    expect(text(errorBox(p))).not.toContain('网络');
    expect(retryButton(p)).toBeTruthy();
  });

  test('403 says the account may not see it, without a pointless 重试', async () => {
    server.on('GET', '/api/v1/me/favourites', problem(403, 'FORBIDDEN', '无权访问'));
    const p = await renderPage('pages/favourites/favourites');
    await flush();

    expect(text(errorBox(p))).toContain('没有权限');
    expect(retryButton(p)).toBeNull();
  });

  test('a failed refresh keeps the list already on screen', async () => {
    server.on('GET', '/api/v1/me/favourites', json(200, page([card(1)])));
    const p = await renderPage('pages/favourites/favourites');
    await flush();
    server.on('GET', '/api/v1/me/favourites', NETWORK_FAIL);

    await p.instance.onShow();
    await flush();

    expect(p.querySelector('#card-1')).toBeTruthy();
    expect(errorBox(p)).toBeUndefined();
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: NETWORK_ERROR_MESSAGE }));
  });
});

describe('consent-gated page load', () => {
  test('before the policy is accepted nothing is fetched and the page offers the policy', async () => {
    storeSession(wx, me({ privacyPolicyVersion: null }));
    const p = await renderPage('pages/quiz/quiz');
    await flush();

    expect(server.calls).toHaveLength(0);
    expect(text(p.querySelector('#consent-gate'))).toContain('请先同意隐私政策');
    inner(p.querySelector('#consent-gate'), 'state-privacy', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/privacy?reason=consent' });
  });

  test('after 注销账号 a page sends the resident home instead of creating a new account', async () => {
    wx.__storage.clear();
    wx.__storage.set('kepu.signedOut', true);
    await renderPage('pages/points/points');
    await flush();

    expect(wx.login).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(0);
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  test('logs in first when there is no session, then loads', async () => {
    wx.__storage.clear();
    server.on('POST', '/api/v1/auth/wechat-login', json(200, require('./helpers/fixtures').tokens(1)));
    server.on('GET', '/api/v1/me/certificates', json(200, []));
    const p = await renderPage('pages/certificates/certificates');
    await flush();

    expect(server.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/auth/wechat-login', 'GET /api/v1/me/certificates']);
    expect(text(p.querySelector('#empty'))).toContain('还没有证书');
  });
});

describe('paging helper', () => {
  function deferred() {
    let resolve;
    const promise = new Promise((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }

  test('pages on, drops duplicates that shifted between pages, and knows when there is no more', async () => {
    const pages = {
      1: { items: [{ id: 1 }, { id: 2 }], total: 3 },
      2: { items: [{ id: 2 }, { id: 3 }], total: 3 },
    };
    const fetch = jest.fn(({ page: n }) => Promise.resolve(pages[n]));
    const pager = createPager({ fetch, size: 2, dedupeBy: 'id', toView: (x) => ({ id: x.id, label: `#${x.id}` }) });

    const first = await pager.first();
    expect(first).toEqual({ items: [{ id: 1, label: '#1' }, { id: 2, label: '#2' }], total: 3, page: 1, hasMore: true, stale: false });
    const second = await pager.next(first);
    expect(second.items.map((x) => x.id)).toEqual([1, 2, 3]);
    expect(second.hasMore).toBe(false);
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([{ page: 1, size: 2 }, { page: 2, size: 2 }]);
  });

  test('an answer overtaken by a newer reload is dropped', async () => {
    const slow = deferred();
    const fetch = jest.fn()
      .mockReturnValueOnce(slow.promise)
      .mockReturnValueOnce(Promise.resolve({ items: [{ id: 9 }], total: 1 }));
    const pager = createPager({ fetch });

    const older = pager.first();
    const newer = await pager.first();
    slow.resolve({ items: [{ id: 1 }], total: 1 });

    expect(await older).toBeNull();
    expect(newer.items).toEqual([{ id: 9 }]);
  });

  test('a conditional answer ({data, stale}) is unwrapped and its staleness kept', async () => {
    const pager = createPager({ fetch: () => Promise.resolve({ data: { items: [{ id: 1 }], total: 1 }, stale: true }) });
    expect(await pager.first()).toMatchObject({ items: [{ id: 1 }], stale: true, hasMore: false });
  });
});
