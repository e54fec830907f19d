const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { certificate } = require('./helpers/quiz-fixtures');
const { renderPage, resetPages, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

describe('证书', () => {
  test('my certificates are listed and open the certificate page', async () => {
    server.on('GET', '/api/v1/me/certificates', json(200, [certificate()]));

    const page = await renderPage('pages/certificates/certificates');
    await flush();

    const item = page.querySelector('#cert-7K3M9QXW2HB4TZ8PRC5N');
    expect(text(item)).toContain('优秀答题证书');
    expect(text(item)).toContain('90/100 分');
    expect(text(item)).toContain('2026年11月29日');

    item.dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/certificate/certificate?verifyNo=7K3M9QXW2HB4TZ8PRC5N' });
  });

  test('no certificate yet: says how to get one', async () => {
    server.on('GET', '/api/v1/me/certificates', json(200, []));

    const page = await renderPage('pages/certificates/certificates');
    await flush();

    expect(text(page.querySelector('#empty'))).toContain('还没有证书');
  });

  test('the certificate shows title, the masked name, score, date and verification number', async () => {
    server.on('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N', json(200, certificate()));

    const page = await renderPage('pages/certificate/certificate', { verifyNo: '7K3M9QXW2HB4TZ8PRC5N' });
    await flush();

    expect(text(page.querySelector('#cert-title'))).toBe('优秀答题证书');
    expect(text(page.querySelector('#cert-holder'))).toBe('张*');
    expect(text(page.querySelector('#cert-score'))).toBe('90');
    expect(text(page.querySelector('#certificate'))).toContain('满分 100 分');
    expect(text(page.querySelector('#certificate'))).toContain('云溪区应急科普知识竞赛');
    expect(text(page.querySelector('#cert-date'))).toBe('2026年11月29日');
    expect(text(page.querySelector('#cert-no'))).toBe('7K3M9QXW2HB4TZ8PRC5N');
    expect(text(page)).not.toContain('张三');
    // Drawn from the public check, which needs no login: no bearer token is sent.
    expect(server.callsTo('GET', '/api/v1/certificates/7K3M9QXW2HB4TZ8PRC5N')[0].header.Authorization).toBeUndefined();

    inner(page, 'copy-no', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: '7K3M9QXW2HB4TZ8PRC5N' }));
  });

  test('an unknown number says the certificate was not found', async () => {
    server.on('GET', '/api/v1/certificates/ZZZZZZZZZZZZZZZZZZZZ', problem(404, 'CERTIFICATE_NOT_FOUND', '证书编号不存在'));

    const page = await renderPage('pages/certificate/certificate', { verifyNo: 'zzzzzzzzzzzzzzzzzzzz' });
    await flush();

    expect(text(page.querySelector('#missing'))).toContain('没有找到这张证书');
    expect(wx.showToast).not.toHaveBeenCalled();
    expect(page.querySelector('#certificate')).toBeUndefined();
  });
});
