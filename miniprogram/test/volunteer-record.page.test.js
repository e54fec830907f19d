const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, hasClass } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  wx.redirectTo = jest.fn();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function certificate(overrides = {}) {
  return Object.assign(
    {
      certificateNo: 'YXKJZY-2026-000005',
      name: '张三',
      regionName: '新塘村',
      skills: ['果树种植', '家电维修'],
      totalHours: 6.5,
      serviceCount: 3,
      firstServedOn: '2026-09-12',
      lastServedOn: '2026-11-20',
      issuedAt: '2026-11-29T10:00:00+08:00',
      issuer: '云溪区科学技术协会',
      statement: '张三 同志作为云溪区科技志愿者，累计参加志愿服务 3 次，服务时长 6.5 小时。特此证明。',
    },
    overrides,
  );
}

function service(id, overrides = {}) {
  return Object.assign({ id, eventId: 70 + id, eventTitle: `志愿服务 ${id}`, hours: 2, servedOn: '2026-11-20' }, overrides);
}

describe('志愿服务记录 page', () => {
  test('shows the certificate and the service records, and loads more', async () => {
    server.on('GET', '/api/v1/volunteers/me/certificate', json(200, certificate()));
    // A full first page of 20 and one more record on page 2, as the server pages them.
    const firstPage = [service(1), service(2, { hours: 2.5, servedOn: '2026-10-01' })]
      .concat(Array.from({ length: 18 }, (_, i) => service(i + 3)));
    server.on('GET', '/api/v1/volunteers/me/services', (call) => json(200, call.data.page === 1
      ? { items: firstPage, total: 21, page: 1, size: 20 }
      : { items: [service(21)], total: 21, page: 2, size: 20 }));
    const p = await renderPage('pages/volunteer-record/volunteer-record');
    await flush();

    expect(text(p.querySelector('#cert-statement'))).toContain('累计参加志愿服务 3 次');
    expect(text(p.querySelector('#cert-total'))).toBe('累计服务：3 次，6.5 小时');
    expect(text(p.querySelector('#cert-no'))).toBe('YXKJZY-2026-000005');
    expect(text(p.querySelector('#certificate'))).toContain('2026年9月12日 至 2026年11月20日');
    expect(text(p.querySelector('#service-2'))).toContain('2026年10月1日 · 2.5 小时');

    p.querySelector('#load-more').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#service-21')).toBeTruthy();
    expect(server.callsTo('GET', '/api/v1/volunteers/me/services').map((c) => c.data)).toEqual([
      { page: 1, size: 20 },
      { page: 2, size: 20 },
    ]);
    expect(p.querySelector('#load-more')).toBeFalsy();

    p.querySelector('#service-1').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/detail?id=71' });
  });

  test('an application still under review shows the server reason; no record is asked for', async () => {
    server.on('GET', '/api/v1/volunteers/me/certificate', problem(409, 'NOT_APPROVED', '志愿者资格尚未审核通过'));
    const p = await renderPage('pages/volunteer-record/volunteer-record');
    await flush();
    expect(text(p.querySelector('#pending-text'))).toBe('志愿者资格尚未审核通过');
    expect(server.callsTo('GET', '/api/v1/volunteers/me/services')).toHaveLength(0);
  });

  test('not a volunteer: offers the application; elder mode applies', async () => {
    wx.setStorageSync('kepu.elderMode', true);
    server.on('GET', '/api/v1/volunteers/me/certificate', problem(404, 'VOLUNTEER_NOT_FOUND', '志愿者信息不存在'));
    const p = await renderPage('pages/volunteer-record/volunteer-record');
    await flush();
    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(p.querySelector('#none')).toBeTruthy();
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('the approved volunteer page links here', async () => {
    server.on('GET', '/api/v1/volunteers/me', json(200, {
      id: 5, residentId: 1001, status: 'APPROVED', name: '张三', skills: ['果树种植'], regionCode: '430603101201',
      regionName: '新塘村', availability: '', reviewNote: null, reviewedAt: null, totalHours: 6.5, serviceCount: 3,
      createdAt: '2026-11-29T09:00:00+08:00',
    }));
    const p = await renderPage('pages/volunteer/volunteer');
    await flush();
    p.querySelector('#record-btn').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/volunteer-record/volunteer-record' });
  });
});
