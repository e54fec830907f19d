const { createWx, json, problem, flush } = require('./helpers/wx');
const { me, storeSession } = require('./helpers/fixtures');
const { renderPage, resetPages, text, hasClass } = require('./helpers/render');

let server;

beforeEach(() => {
  global.wx = createWx();
  server = wx.__server;
  resetPages();
  storeSession(wx, me());
});

function volunteer(overrides = {}) {
  return Object.assign(
    {
      id: 5, residentId: 1001, status: 'PENDING', name: '张三', skills: ['果树种植', '家电维修'],
      regionCode: '430603101201', regionName: '云溪镇 / 新塘村', availability: '周末上午', reviewNote: null,
      reviewedAt: null, totalHours: 0, serviceCount: 0, createdAt: '2026-11-29T09:00:00+08:00',
    },
    overrides,
  );
}

describe('科技志愿者 page', () => {
  test('applies with the resident region and shows field errors from the server', async () => {
    server.on('GET', '/api/v1/volunteers/me', problem(404, 'VOLUNTEER_NOT_FOUND', '志愿者信息不存在'));
    server.on('POST', '/api/v1/volunteers/me', problem(400, 'VALIDATION_FAILED', '请求参数不正确', [
      { field: 'skills[1]', message: '每项专长最多 20 字' },
    ]));
    const p = await renderPage('pages/volunteer/volunteer');
    await flush();
    expect(text(p.querySelector('#region'))).toBe('云溪镇 / 新塘村');

    p.querySelector('#input-realName').dispatchEvent('input', { detail: { value: ' 张三 ' } });
    p.querySelector('#input-skills').dispatchEvent('input', { detail: { value: '果树种植，家电维修、电脑' } });
    await flush();
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/volunteers/me')[0].data).toEqual({
      realName: '张三', skills: ['果树种植', '家电维修', '电脑'], regionCode: '430603101201', availability: '',
    });
    expect(text(p.querySelector('#error-skills'))).toBe('每项专长最多 20 字');
    expect(wx.showToast).not.toHaveBeenCalled();

    server.on('POST', '/api/v1/volunteers/me', json(201, volunteer()));
    p.querySelector('#submit-btn').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#status-label'))).toBe('待审核');
  });

  test('a rejected volunteer sees the note and may apply again; elder mode applies', async () => {
    wx.setStorageSync('kepu.elderMode', true);
    server.on('GET', '/api/v1/volunteers/me', json(200, volunteer({ status: 'REJECTED', reviewNote: '请补充专长说明' })));
    const p = await renderPage('pages/volunteer/volunteer');
    await flush();
    expect(hasClass(p.querySelector('#root'), 'page-elder')).toBe(true);
    expect(text(p.querySelector('#review-note'))).toContain('请补充专长说明');
    p.querySelector('#reapply-btn').dispatchEvent('tap');
    await flush();
    expect(p.querySelector('#volunteer-form')).toBeTruthy();
    expect(p.instance.data.skillsText).toBe('果树种植、家电维修');
  });
});
