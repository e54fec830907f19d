// 科普基地: nearby bases (list and map, by distance), a base's page, and the on-site check-in.

const { json, problem, flush } = require('./helpers/wx');
const { me, signedIn } = require('./helpers/fixtures');
const { base, checkIn } = require('./helpers/base-fixtures');
const { page } = require('./helpers/content-fixtures');
const { renderPage, text, inner, tapSegment, tapChip } = require('./helpers/render');

let server;
const HERE = { latitude: 29.4711, longitude: 113.2712 };

beforeEach(() => {
  server = signedIn();
  wx.getLocation = jest.fn((o) => o.success(Object.assign({}, HERE)));
  wx.openLocation = jest.fn();
  wx.openSetting = jest.fn();
  wx.makePhoneCall = jest.fn();
});

function refuseLocation() {
  wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }));
}

function tapButton(p, id) {
  inner(p, id, '.t-button').dispatchEvent('tap');
}

describe('附近的科普基地', () => {
  test('asks for the position and lists the bases nearest first, with their distance', async () => {
    server.on('GET', '/api/v1/bases', json(200, page([
      base(3, { name: '云溪石化科普馆', distanceMeters: 850 }),
      base(4, { name: '白泥湖生态农业基地', type: 'DEMONSTRATION', typeLabel: '科普示范基地', level: 'CITY', levelLabel: '市级', distanceMeters: 12400 }),
    ], 2, 1, 50)));
    const p = await renderPage('pages/bases/bases');
    await flush();

    expect(wx.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }));
    expect(server.callsTo('GET', '/api/v1/bases')[0].data).toEqual({ page: 1, size: 50, lat: HERE.latitude, lng: HERE.longitude });
    expect(p.querySelectorAll('.base-name').map((n) => text(n))).toEqual(['云溪石化科普馆', '白泥湖生态农业基地']);
    expect(text(p.querySelector('#distance-3'))).toBe('约 850 米');
    expect(text(p.querySelector('#distance-4'))).toBe('约 12 公里');
    expect(text(p.querySelector('#base-4'))).toContain('科普示范基地');
    expect(text(p.querySelector('#base-4'))).toContain('市级');
    expect(p.querySelector('#location-note')).toBeUndefined();

    p.querySelector('#base-3').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/base/detail?id=3' });
  });

  test('the map shows a marker for every base, centred on the resident, and a marker opens the base', async () => {
    server.on('GET', '/api/v1/bases', json(200, page([base(3, { distanceMeters: 850 }), base(4, { latitude: '29.5000', longitude: '113.3000', distanceMeters: 4000 })], 2, 1, 50)));
    const p = await renderPage('pages/bases/bases');
    await flush();

    tapSegment(p, 'view-tabs', 1);
    await flush();

    expect(p.querySelector('#base-map')).toBeTruthy();
    expect(p.instance.data.markers).toEqual([
      expect.objectContaining({ id: 3, latitude: 29.4701, longitude: 113.2702, title: '科普基地 3' }),
      // BigDecimal coordinates may arrive as strings: markers need numbers.
      expect.objectContaining({ id: 4, latitude: 29.5, longitude: 113.3 }),
    ]);
    expect(p.instance.data.center).toEqual(HERE);

    p.instance.onMarkerTap({ detail: { markerId: 4 } });
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/base/detail?id=4' });
  });

  test('refused location: the list still comes, by name, with a way to allow it', async () => {
    refuseLocation();
    server.on('GET', '/api/v1/bases', json(200, page([base(3)], 1, 1, 50)));
    const p = await renderPage('pages/bases/bases');
    await flush();

    expect(server.callsTo('GET', '/api/v1/bases')[0].data).toEqual({ page: 1, size: 50 });
    expect(text(p.querySelector('#location-note'))).toContain('基地按名称排列');
    expect(p.querySelector('#base-3')).toBeTruthy();
    expect(p.querySelector('#distance-3')).toBeUndefined();
    tapButton(p, 'allow-location');
    await flush();
    expect(wx.openSetting).toHaveBeenCalled();

    // Back from the settings with location allowed: ordered by distance now.
    wx.getLocation = jest.fn((o) => o.success(Object.assign({}, HERE)));
    await p.instance.onShow();
    await flush();
    expect(server.callsTo('GET', '/api/v1/bases').pop().data).toEqual({ page: 1, size: 50, lat: HERE.latitude, lng: HERE.longitude });
    expect(p.querySelector('#location-note')).toBeUndefined();
  });

  test('a kind chip filters on the server', async () => {
    server.on('GET', '/api/v1/bases', json(200, page([base(3)], 1, 1, 50)));
    const p = await renderPage('pages/bases/bases');
    await flush();

    tapChip(p, 'type-TOURISM_EDUCATION');
    await flush();
    expect(server.callsTo('GET', '/api/v1/bases').pop().data).toEqual({ page: 1, size: 50, lat: HERE.latitude, lng: HERE.longitude, type: 'TOURISM_EDUCATION' });
  });

  test('the 活动 tab leads here', async () => {
    server.on('GET', '/api/v1/events', json(200, page([])));
    const p = await renderPage('pages/events/events');
    await flush();
    p.querySelector('#bases-btn').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/bases/bases' });
  });
});

describe('科普基地 page', () => {
  beforeEach(() => {
    wx.previewImage = jest.fn();
    server.on('GET', '/api/v1/bases/3', json(200, base(3, { name: '云溪石化科普馆', photoKeys: ['s/1/content-image/a.jpg', 's/1/content-image/gone.jpg'] })));
    server.on('GET', '/api/v1/media/url', (call) => (call.data.key.includes('gone')
      ? problem(404, 'MEDIA_OBJECT_NOT_FOUND', '文件不存在')
      : json(200, { key: call.data.key, url: `https://oss.example.cn/${call.data.key}?w=${call.data.width}` })));
  });

  test('shows opening hours, address, contact, what to see and the photos that can be had', async () => {
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();

    expect(text(p.querySelector('#base-name'))).toBe('云溪石化科普馆');
    expect(text(p.querySelector('#opening-hours'))).toContain('周二至周日 9:00–17:00');
    expect(text(p.querySelector('#what-to-see'))).toContain('炼油流程模型');
    expect(text(p.querySelector('#base-info'))).toContain('2024年 · 云溪区科学技术协会认定');
    expect(p.instance.data.photos).toEqual(['https://oss.example.cn/s/1/content-image/a.jpg?w=750']);
    expect(wx.showToast).not.toHaveBeenCalled();

    p.querySelector('#address').dispatchEvent('tap');
    await flush();
    expect(wx.openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 29.4701, longitude: 113.2702, name: '云溪石化科普馆' }));
    p.querySelector('#contact').dispatchEvent('tap');
    await flush();
    expect(wx.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0730-8412345' });
  });

  test('check-in sends the position and says it was recorded', async () => {
    server.on('POST', '/api/v1/bases/3/check-ins', json(201, checkIn()));
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();

    tapButton(p, 'checkin-btn');
    await flush();

    expect(server.callsTo('POST', '/api/v1/bases/3/check-ins')[0].data).toEqual(HERE);
    expect(text(p.querySelector('#checkin-title'))).toBe('签到成功');
    expect(text(p.querySelector('#checkin-note'))).toContain('距基地约 42 米');
  });

  test('too far or already checked in today: the server\'s words, no error page', async () => {
    server.on('POST', '/api/v1/bases/3/check-ins', problem(422, 'TOO_FAR', '您距离基地约 2300 米，需在 300 米内签到'));
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();
    tapButton(p, 'checkin-btn');
    await flush();
    expect(text(p.querySelector('#checkin-result'))).toContain('不在基地范围内您距离基地约 2300 米，需在 300 米内签到');

    server.on('POST', '/api/v1/bases/3/check-ins', problem(409, 'ALREADY_CHECKED_IN', '您今天已在该基地签到'));
    tapButton(p, 'checkin-btn');
    await flush();
    expect(text(p.querySelector('#checkin-title'))).toBe('您今天已在该基地签到');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('refused location: nothing is sent; the page explains and offers the settings', async () => {
    refuseLocation();
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();

    tapButton(p, 'checkin-btn');
    await flush();

    expect(server.callsTo('POST', '/api/v1/bases/3/check-ins')).toHaveLength(0);
    expect(text(p.querySelector('#checkin-title'))).toBe('需要您的位置才能签到');
    tapButton(p, 'open-settings');
    await flush();
    expect(wx.openSetting).toHaveBeenCalled();
  });

  test('no position fix (GPS off) is told apart from a refusal', async () => {
    wx.getLocation = jest.fn((o) => o.fail({ errMsg: 'getLocation:fail timeout' }));
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();
    tapButton(p, 'checkin-btn');
    await flush();
    expect(text(p.querySelector('#checkin-title'))).toBe('没有获取到您的位置');
    expect(p.querySelector('#open-settings')).toBeUndefined();
  });

  test('before the privacy policy is accepted the check-in opens the policy', async () => {
    server = signedIn(me({ privacyPolicyVersion: null }));
    wx.getLocation = jest.fn();
    server.on('GET', '/api/v1/bases/3', json(200, base(3)));
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();
    tapButton(p, 'checkin-btn');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/privacy?reason=consent' });
    expect(wx.getLocation).not.toHaveBeenCalled();
  });

  test('a withdrawn base no longer offers the check-in; an unknown one says it is not found', async () => {
    server.on('GET', '/api/v1/bases/3', json(200, base(3, { status: 'WITHDRAWN' })));
    const p = await renderPage('pages/base/detail', { id: '3' });
    await flush();
    expect(text(p.querySelector('#withdrawn'))).toContain('已撤销认定');
    expect(p.querySelector('#checkin')).toBeUndefined();

    server.on('GET', '/api/v1/bases/9', problem(404, 'BASE_NOT_FOUND', '科普基地不存在'));
    const missing = await renderPage('pages/base/detail', { id: '9' });
    await flush();
    expect(text(missing.querySelector('#missing'))).toContain('没有找到这个科普基地');
  });
});
