const { createWx, json, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function entry(id, overrides = {}) {
  return Object.assign(
    { id, reason: 'DAILY_QUIZ', reasonLabel: '每日答题', sourceKey: `attempt:${id}`, requested: 6, amount: 6, day: '2026-11-29', createdAt: '2026-11-29T09:05:00+08:00' },
    overrides,
  );
}

describe('我的积分 page', () => {
  test('shows the balance, today against each cap, and the history with reversals', async () => {
    server.on('GET', '/api/v1/me/points', json(200, {
      balance: 128,
      today: [
        { reason: 'DAILY_QUIZ', label: '每日答题', earned: 10, cap: 10 },
        { reason: 'READING', label: '科普阅读', earned: 3, cap: 10 },
      ],
    }));
    server.on('GET', '/api/v1/me/points/history', json(200, {
      items: [
        entry(3, { requested: 8, amount: 4 }),
        entry(2, { reason: 'ATTENDANCE', reasonLabel: '参加活动', requested: -5, amount: -5 }),
      ],
      total: 25,
      page: 1,
      size: 20,
    }));

    const page = await renderPage('pages/points/points');
    await flush();

    expect(text(page.querySelector('#balance'))).toBe('128');
    const today = text(page.querySelector('#today'));
    expect(today).toContain('每日答题10 / 10（已满）');
    expect(today).toContain('科普阅读3 / 10');
    const amounts = page.querySelectorAll('.entry-amount').map((n) => text(n));
    expect(amounts).toEqual(['+4', '-5']);
    const history = text(page.querySelector('#history'));
    expect(history).toMatch(/11月29日 09:05\s*· 已达当日上限/);
    expect(history).toContain('参加活动');
    expect(server.callsTo('GET', '/api/v1/me/points/history')[0].data).toEqual({ page: 1, size: 20 });

    server.on('GET', '/api/v1/me/points/history', json(200, { items: [entry(1)], total: 25, page: 2, size: 20 }));
    inner(page, 'load-more', '.t-button').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('GET', '/api/v1/me/points/history')[1].data).toEqual({ page: 2, size: 20 });
    expect(page.querySelectorAll('.entry-amount')).toHaveLength(3);
  });

  test('我的 links to points, certificates and the wrong book', async () => {
    server.on('GET', '/api/v1/me', json(200, me()));
    server.on('GET', '/api/v1/regions', json(200, { code: '430603', name: '云溪区', children: [] }));
    const page = await renderPage('pages/me/me');
    await flush();

    inner(page, 'open-points', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/points/points' });
    inner(page, 'open-certificates', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/certificates/certificates' });
  });
});
