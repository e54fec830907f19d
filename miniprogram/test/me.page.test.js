const { createWx, json, problem, flush, NETWORK_FAIL } = require('./helpers/wx');
const { me, regions, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, hasClass, text, inner } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  server.on('GET', '/api/v1/regions', json(200, regions()));
});

async function openMe(resident) {
  storeSession(wx, resident);
  server.on('GET', '/api/v1/me', json(200, resident));
  const page = await renderPage('pages/me/me');
  await flush();
  return page;
}

describe('我的 page', () => {
  test('shows the masked phone and the region name from the server', async () => {
    const page = await openMe(me({ phoneMasked: '138****1234', regionName: '陆城镇 / 儒矶村', regionCode: '430603102202' }));

    expect(text(page.querySelector('#phone-masked'))).toBe('138****1234');
    expect(text(page)).toContain('陆城镇 / 儒矶村');
    expect(text(page)).toContain('农民');
    expect(text(page)).toContain('1958年');
    expect(server.callsTo('GET', '/api/v1/me')[0].header.Authorization).toBe('Bearer access-1');
    // The region picker starts at the resident's own town and village.
    expect(page.instance.data.regionIndex).toEqual([1, 1]);
    expect(page.instance.data.regionColumns[1].map((v) => v.name)).toEqual(['陆城社区', '儒矶村']);
  });

  test('toggling 关怀模式 adds the elder class at once and saves it to the server', async () => {
    const page = await openMe(me({ elderMode: false }));
    server.on('PATCH', '/api/v1/me', (call) => json(200, me({ elderMode: call.data.elderMode })));
    const root = page.querySelector('#root');
    expect(hasClass(root, 'page-elder')).toBe(false);

    inner(page, 'elder-switch', '.t-switch').dispatchEvent('tap');
    await flush();

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
    const patches = server.callsTo('PATCH', '/api/v1/me');
    expect(patches).toHaveLength(1);
    expect(patches[0].data).toEqual({ elderMode: true });
    expect(wx.__storage.get('kepu.elderMode')).toBe(true);
    expect(wx.__storage.get('kepu.resident').elderMode).toBe(true);
  });

  test('if the server refuses the elder-mode change the page goes back to normal', async () => {
    const page = await openMe(me({ elderMode: false }));
    server.on('PATCH', '/api/v1/me', problem(503, 'UNAVAILABLE', '服务繁忙，请稍后重试'));

    inner(page, 'elder-switch', '.t-switch').dispatchEvent('tap');
    await flush();

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(false);
    expect(wx.__storage.get('kepu.elderMode')).toBe(false);
    // The refusal arrived while 关怀模式 was switched on: it is a dialog that stays until read.
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '服务繁忙，请稍后重试', showCancel: false }));
  });

  test('a page opened in elder mode renders with the elder class', async () => {
    const page = await openMe(me({ elderMode: true }));

    expect(hasClass(page.querySelector('#root'), 'page-elder')).toBe(true);
  });

  test('binding the phone sends the getPhoneNumber code and shows the masked number', async () => {
    const page = await openMe(me({ phoneMasked: null }));
    expect(page.querySelector('#phone-masked')).toBeUndefined();
    server.on('POST', '/api/v1/me/phone', json(200, me({ phoneMasked: '139****8888' })));

    page.querySelector('#phone-btn').dispatchEvent('getphonenumber', { detail: { code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' } });
    await flush();

    expect(server.callsTo('POST', '/api/v1/me/phone').map((c) => c.data)).toEqual([{ code: 'phone-code-1' }]);
    expect(text(page.querySelector('#phone-masked'))).toBe('139****8888');
  });

  test('a refused phone authorization sends nothing', async () => {
    const page = await openMe(me());

    page.querySelector('#phone-btn').dispatchEvent('getphonenumber', { detail: { errMsg: 'getPhoneNumber:fail user deny' } });
    await flush();

    expect(server.callsTo('POST', '/api/v1/me/phone')).toHaveLength(0);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未获得手机号授权' }));
  });

  test('the region picker cascades from 镇/街道 to 村/社区 and saves the chosen village', async () => {
    const page = await openMe(me());
    server.on('PATCH', '/api/v1/me', json(200, me({ regionCode: '430603102201', regionName: '陆城镇 / 陆城社区' })));
    const picker = page.querySelector('#region-picker');

    picker.dispatchEvent('columnchange', { detail: { column: 0, value: 1 } });
    await flush();
    expect(page.instance.data.regionColumns[1].map((v) => v.name)).toEqual(['陆城社区', '儒矶村']);

    picker.dispatchEvent('change', { detail: { value: [1, 0] } });
    await flush();

    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ regionCode: '430603102201' }]);
    expect(text(page)).toContain('陆城镇 / 陆城社区');
  });

  test('cancelling the region picker after scrolling shows the saved town and village again', async () => {
    const page = await openMe(me({ regionCode: '430603102202' }));
    const picker = page.querySelector('#region-picker');

    picker.dispatchEvent('columnchange', { detail: { column: 0, value: 0 } });
    await flush();
    expect(page.instance.data.regionIndex).toEqual([0, 0]);

    picker.dispatchEvent('cancel');
    await flush();

    expect(page.instance.data.regionIndex).toEqual([1, 1]);
    expect(page.instance.data.regionColumns[1].map((v) => v.name)).toEqual(['陆城社区', '儒矶村']);
    expect(server.callsTo('PATCH', '/api/v1/me')).toHaveLength(0);
  });

  test('a refused region change puts the picker back on the saved village', async () => {
    const page = await openMe(me({ regionCode: '430603102202' }));
    server.on('PATCH', '/api/v1/me', problem(400, 'VALIDATION_FAILED', '请检查填写的内容',
      [{ field: 'regionCode', message: '请选择云溪区内的村（社区）' }]));
    const picker = page.querySelector('#region-picker');

    picker.dispatchEvent('columnchange', { detail: { column: 0, value: 0 } });
    picker.dispatchEvent('change', { detail: { value: [0, 0] } });
    await flush();

    expect(page.instance.data.regionIndex).toEqual([1, 1]);
    expect(text(page)).toContain('请选择云溪区内的村（社区）');
  });

  test('without the region list the rest of the page still works and the region offers a retry', async () => {
    server.on('GET', '/api/v1/regions', problem(503, 'UNAVAILABLE', '服务繁忙'));
    const page = await openMe(me({ phoneMasked: '138****1234', regionName: '陆城镇 / 儒矶村', regionCode: '430603102202' }));

    expect(page.instance.data.state).toBe('ready');
    expect(text(page.querySelector('#phone-masked'))).toBe('138****1234');
    expect(page.querySelector('#region-picker')).toBeFalsy();
    expect(text(inner(page, 'region-retry', '.t-cell'))).toContain('点此重试');

    server.on('GET', '/api/v1/regions', json(200, regions()));
    inner(page, 'region-retry', '.t-cell').dispatchEvent('tap');
    await flush();

    expect(page.querySelector('#region-retry')).toBeFalsy();
    expect(page.querySelector('#region-picker')).toBeTruthy();
    expect(page.instance.data.regionIndex).toEqual([1, 1]);
  });

  test('population group and birth year pickers save their values', async () => {
    const page = await openMe(me());
    server.on('PATCH', '/api/v1/me', (call) => json(200, me(call.data)));

    page.querySelector('#group-picker').dispatchEvent('change', { detail: { value: '3' } });
    await flush();
    page.querySelector('#birth-year-picker').dispatchEvent('change', { detail: { value: '1950' } });
    await flush();

    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([
      { populationGroup: 'ELDERLY' },
      { birthYear: 1950 },
    ]);
  });

  test('a rejected nickname shows the field error next to the input', async () => {
    const page = await openMe(me());
    server.on('PATCH', '/api/v1/me', problem(400, 'VALIDATION_FAILED', '资料填写有误', [{ field: 'nickname', message: '昵称含有不允许的内容' }]));

    page.querySelector('#nickname-input').dispatchEvent('blur', { detail: { value: '  新名字 ' } });
    await flush();

    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ nickname: '新名字' }]);
    expect(text(page)).toContain('昵称含有不允许的内容');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '资料填写有误' }));
  });

  test('before the privacy policy is accepted nothing is asked for', async () => {
    const page = await openMe(me({ privacyPolicyVersion: '2020-01-01' }));

    expect(page.querySelector('#consent-gate')).toBeDefined();
    expect(page.querySelector('#phone-btn')).toBeUndefined();
    expect(page.querySelector('#nickname-input')).toBeUndefined();
    expect(server.callsTo('GET', '/api/v1/me')).toHaveLength(0);
  });
});

describe('我的 page: the 组织者 entry is for staff only', () => {
  const binding = { staffId: 9, displayName: '李组织', role: 'ORGANISER', roleLabel: '活动组织者', unitId: 3,
    unitName: '陆城镇', boundAt: '2026-11-29T09:00:00+08:00' };
  const notBound = problem(403, 'NOT_AN_ORGANISER', '您还没有绑定工作人员账号');

  test('a resident sees no 组织者 entry, only a small 工作人员入口, and is asked once', async () => {
    server.on('GET', '/api/v1/organiser/binding', notBound);
    const page = await openMe(me());
    expect(page.querySelector('#open-organiser')).toBeFalsy();
    expect(text(page.querySelector('#staff-entry'))).toBe('工作人员入口');

    page.querySelector('#staff-entry').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/organiser/organiser' });

    // the answer is kept: showing 我的 again does not ask the server again
    await page.instance.onShow();
    await flush();
    expect(server.callsTo('GET', '/api/v1/organiser/binding')).toHaveLength(1);
    expect(page.querySelector('#open-organiser')).toBeFalsy();
  });

  test('a WeChat bound to a staff account sees the 组织者 entry and no 工作人员入口', async () => {
    server.on('GET', '/api/v1/organiser/binding', json(200, binding));
    const page = await openMe(me());
    expect(text(page.querySelector('#open-organiser'))).toContain('组织者');
    expect(page.querySelector('#staff-entry')).toBeFalsy();
    inner(page, 'open-organiser', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/organiser/organiser' });
  });

  test('staff bind through 工作人员入口, the entry appears; unbinding removes it', async () => {
    let bound = false;
    server.on('GET', '/api/v1/organiser/binding', () => (bound ? json(200, binding) : notBound));
    server.on('POST', '/api/v1/organiser/binding', () => {
      bound = true;
      return json(201, binding);
    });
    server.on('DELETE', '/api/v1/organiser/binding', () => {
      bound = false;
      return { statusCode: 204, data: '', header: {} };
    });
    server.on('GET', '/api/v1/organiser/events', json(200, { items: [], total: 0, page: 1, size: 50 }));
    const mePage = await openMe(me());
    expect(mePage.querySelector('#open-organiser')).toBeFalsy();

    // 工作人员入口 → the 组织者 page's binding form
    const organiserPage = await renderPage('pages/organiser/organiser');
    await flush();
    organiserPage.instance.onUsernameInput({ detail: { value: 'lizuzhi' } });
    organiserPage.instance.onPasswordInput({ detail: { value: 'right-password' } });
    await organiserPage.instance.onBind();
    await flush();

    // back on 我的
    await mePage.instance.onShow();
    await flush();
    expect(mePage.querySelector('#open-organiser')).toBeTruthy();
    expect(mePage.querySelector('#staff-entry')).toBeFalsy();

    wx.showModal.mockImplementation((o) => o.success({ confirm: true }));
    organiserPage.instance.onUnbind();
    await flush();
    await mePage.instance.onShow();
    await flush();
    expect(mePage.querySelector('#open-organiser')).toBeFalsy();
    expect(mePage.querySelector('#staff-entry')).toBeTruthy();
  });

  test('a binding ended elsewhere (replaced, account disabled) removes the entry on the next visit', async () => {
    let bound = true;
    server.on('GET', '/api/v1/organiser/binding', () => (bound ? json(200, binding) : notBound));
    const page = await openMe(me());
    expect(page.querySelector('#open-organiser')).toBeTruthy();
    bound = false;
    await page.instance.onShow();
    await flush();
    expect(page.querySelector('#open-organiser')).toBeFalsy();
    expect(page.querySelector('#staff-entry')).toBeTruthy();
  });

  test('without network a bound phone keeps its entry; another resident on the phone does not inherit it', async () => {
    server.on('GET', '/api/v1/organiser/binding', json(200, binding));
    const page = await openMe(me());
    expect(page.querySelector('#open-organiser')).toBeTruthy();
    server.on('GET', '/api/v1/organiser/binding', NETWORK_FAIL);
    await page.instance.onShow();
    await flush();
    expect(page.querySelector('#open-organiser')).toBeTruthy();

    resetPages();
    const other = await openMe(me({ id: 2002, nickname: '另一位' }));
    expect(other.querySelector('#open-organiser')).toBeFalsy();
    expect(other.querySelector('#staff-entry')).toBeTruthy();
  });
});
