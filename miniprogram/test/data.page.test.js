const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function tap(page, id, innerClass) {
  inner(page, id, innerClass).dispatchEvent('tap');
}

describe('我的数据 page', () => {
  test('导出我的数据 shows the export readably', async () => {
    server.on(
      'GET',
      '/api/v1/me/export',
      json(200, {
        exportedAt: '2026-11-29T10:00:00+08:00',
        profile: { nickname: '张三', elderMode: true, phoneMasked: '138****1234', birthYear: null },
        sections: {
          signups: [{ eventTitle: '智能手机课堂', status: 'ATTENDED' }],
          quizAttempts: [],
        },
      }),
    );
    const page = await renderPage('pages/data/data');
    expect(page.querySelector('#export-result')).toBeUndefined();

    tap(page, 'export-btn', '.t-button');
    await flush();

    const labels = page.querySelectorAll('.row-label').map((n) => text(n));
    const values = page.querySelectorAll('.row-value').map((n) => text(n));
    expect(labels).toEqual(['昵称', '关怀模式', '手机号', '出生年份']);
    expect(values).toEqual(['张三', '是', '138****1234', '（未填写）']);
    expect(page.querySelectorAll('.group-title').map((n) => text(n))).toEqual([
      '个人资料',
      'signups（1 条）',
      'quizAttempts（0 条）',
    ]);
    expect(page.querySelectorAll('.line').map((n) => text(n))).toEqual(['eventTitle：智能手机课堂；status：ATTENDED']);
    const shown = text(page.querySelector('#export-result'));
    expect(shown).toContain('导出时间：2026-11-29 10:00');
    expect(shown).toContain('暂无记录');
  });

  test('注销账号 asks for confirmation first; cancelling deletes nothing', async () => {
    server.on('DELETE', '/api/v1/me', { statusCode: 204, data: '' });
    const page = await renderPage('pages/data/data');

    tap(page, 'delete-btn', '.t-button');
    await flush();

    expect(page.querySelector('#delete-dialog').instance.data.visible).toBe(true);
    expect(text(page)).toContain('匿名统计数字');
    expect(server.callsTo('DELETE', '/api/v1/me')).toHaveLength(0);

    tap(page, 'delete-cancel', '.t-button');
    await flush();

    expect(page.instance.data.confirmVisible).toBe(false);
    expect(server.callsTo('DELETE', '/api/v1/me')).toHaveLength(0);
    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
  });

  test('confirming deletes the account, clears storage and returns to the home page', async () => {
    server.on('DELETE', '/api/v1/me', { statusCode: 204, data: '' });
    wx.__storage.set('kepu.apiBaseUrl', 'http://127.0.0.1:9090');
    const page = await renderPage('pages/data/data');

    tap(page, 'delete-btn', '.t-button');
    await flush();
    tap(page, 'delete-confirm', '.t-button');
    await flush();

    const deletes = server.callsTo('DELETE', '/api/v1/me');
    expect(deletes).toHaveLength(1);
    expect(deletes[0].header.Authorization).toBe('Bearer access-1');
    expect(Object.fromEntries(wx.__storage)).toEqual({
      'kepu.signedOut': true,
      'kepu.apiBaseUrl': 'http://127.0.0.1:9090',
    });
    expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  test('deleting the account also drops the cached feed and items', async () => {
    const { request } = require('../app/utils/request');
    server.on('GET', '/api/v1/contents', { statusCode: 200, data: { items: [], total: 0 }, header: { ETag: '"v1"' } });
    server.on('DELETE', '/api/v1/me', { statusCode: 204, data: '' });
    await request({ url: '/api/v1/contents', data: { page: 1, size: 20 }, conditional: true });
    expect(wx.__storage.has('kepu.etag:/api/v1/contents?page=1&size=20')).toBe(true);
    const page = await renderPage('pages/data/data');

    tap(page, 'delete-btn', '.t-button');
    await flush();
    tap(page, 'delete-confirm', '.t-button');
    await flush();

    expect(Array.from(wx.__storage.keys()).filter((k) => k.startsWith('kepu.etag'))).toEqual([]);
  });

  test('if deleting fails nothing is cleared', async () => {
    server.on('DELETE', '/api/v1/me', problem(500, 'INTERNAL', '服务暂时不可用，请稍后重试'));
    const page = await renderPage('pages/data/data');

    tap(page, 'delete-btn', '.t-button');
    await flush();
    tap(page, 'delete-confirm', '.t-button');
    await flush();

    expect(wx.__storage.get('kepu.accessToken')).toBe('access-1');
    expect(wx.reLaunch).not.toHaveBeenCalled();
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时不可用，请稍后重试' }));
  });
});
