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
  // The export exactly as the server sends it (GET /me/export; the server's ExportFixtureShapeIT checks this
  // file against a live export, so it cannot drift from the server's records).
  const EXPORT = require('./fixtures/me-export.json');

  /** Texts of the elements with class `cls` inside a node (simulate prefixes classes: "main--line"). */
  function textsIn(node, cls) {
    return Array.from(node.dom.querySelectorAll('*'))
      .filter((el) => Array.from(el.classList).some((c) => c === cls || c.endsWith(`--${cls}`)))
      .map((el) => el.textContent.replace(/\s+/g, ' ').trim());
  }

  function linesOf(page, section) {
    return textsIn(page.querySelector(`#section-${section}`), 'line');
  }

  test('导出我的数据 shows every section of the real export readably, never as raw JSON', async () => {
    server.on('GET', '/api/v1/me/export', json(200, EXPORT));
    const page = await renderPage('pages/data/data');
    expect(page.querySelector('#export-result')).toBeUndefined();

    tap(page, 'export-btn', '.t-button');
    await flush();

    const shown = text(page.querySelector('#export-result'));
    expect(shown).toContain('导出时间：2026-11-29 10:00');
    // No JSON anywhere: not an object, not a list, not a quoted key.
    expect(shown).not.toMatch(/[{}\[\]]|":/);

    const result = page.querySelector('#export-result');
    const labels = textsIn(result, 'row-label');
    const values = textsIn(result, 'row-value');
    const profile = Object.fromEntries(labels.map((l, i) => [l, values[i]]));
    expect(profile).toMatchObject({
      昵称: '张三',
      '所在村（社区）': '云溪镇 / 新塘村',
      人群类别: '农民',
      关怀模式: '是',
      手机号: '13800001234',
      同意隐私政策时间: '2026-11-02 09:30',
    });

    expect(page.querySelectorAll('.section-name').map((n) => text(n))).toEqual([
      '活动报名与签到', '科普内容', '答题', '积分', '科普信息员 / 宣传员申请', '作为科普信息员 / 宣传员协助活动',
      '智慧助老课程', '应急通知',
    ]);
    expect(linesOf(page, 'eventSignups')).toEqual([
      '《智能手机课堂》 · 报名成功 · 2026-11-20 08:00 报名 报名表：crop＝柑橘；acres＝3 签到 2026-11-22 09:05（扫现场码签到），签退 2026-11-22 11:30，计 2.5 学时',
    ]);
    expect(linesOf(page, 'content')).toEqual([
      '内容编号 12、15',
      '内容编号 12',
      '内容编号 15',
      '“讲得很清楚” · 内容编号 12 · 已发表 · 附图片',
    ]);
    expect(text(page.querySelector('#section-content'))).toContain('读完的内容（2 篇）');
    expect(linesOf(page, 'quizzes')).toEqual([
      '公民科学素质自测 · 科学素质自测 · 第 1 次 · 已交卷 · 得分 200/260 · 通过 · 2026-11-20 09:18',
      '优秀答题证书 · 云溪区应急科普知识竞赛 · 90/100 分 · 编号 7K3M9QXW2HB4TZ8PRC5N · 2026-11-29 10:01',
      '3 道题',
      '否',
    ]);
    expect(linesOf(page, 'points')).toEqual(['128 分', '每日答题 +4 分 · 2026-11-29 09:05 · 已达当日上限']);
    expect(linesOf(page, 'scienceOfficers')).toEqual([
      '科普信息员 · 待审核 · 2026-11-25 10:00 申请 · 姓名 张三 · 手机 138****1234 · 村（社区）代码 430603101201',
    ]);
    expect(linesOf(page, 'eventOfficerRoles')).toEqual([
      '活动编号 1203',
      '活动编号 1203 · 场次 2405 · 2026-11-20 08:40 签到 · 已核实位置 · 已计入',
    ]);
    expect(linesOf(page, 'courses')).toEqual([
      '《用微信和子女视频通话》 · 打开视频通话 · 看到第 2 步 · 2026-11-21 15:10',
      '《用微信和子女视频通话》 · 打开视频通话 · 在小程序学完，练习答对 2 题 · 2026-11-21 15:20',
      '《用微信和子女视频通话》 · 编号 KC3-1A2B3C4D · 2026-11-22 10:00',
    ]);
    expect(text(page.querySelector('#section-courses'))).toContain('结业证书（1 张）');
    expect(linesOf(page, 'emergencies')).toEqual([
      '暴雨红色预警 · 2026-11-23 07:12 点了“我知道了”',
      '1 次',
      '暴雨红色预警 · 已发送 · 2026-11-23 07:06',
    ]);

    tap(page, 'copy-export', '.t-button');
    await flush();
    expect(JSON.parse(wx.setClipboardData.mock.calls[0][0].data)).toEqual(EXPORT);
  });

  test('empty sections say 暂无记录; a section this version does not know is still shown in words', async () => {
    const doc = JSON.parse(JSON.stringify(EXPORT));
    doc.sections.eventSignups = [];
    doc.sections.content = { completedReads: [], likes: [], favourites: [], comments: [] };
    doc.sections.volunteers = [{ realName: '张三', status: 'APPROVED', skills: ['果树种植', '家电维修'], createdAt: '2026-11-01T08:00:00+08:00' }];
    server.on('GET', '/api/v1/me/export', json(200, doc));
    const page = await renderPage('pages/data/data');
    tap(page, 'export-btn', '.t-button');
    await flush();

    expect(text(page.querySelector('#section-eventSignups'))).toContain('报名记录（0 条）暂无记录');
    expect(text(page.querySelector('#section-content'))).toContain('评论（0 条）暂无记录');
    expect(linesOf(page, 'volunteers')).toEqual(['真实姓名：张三；状态：APPROVED；skills：果树种植、家电维修；注册时间：2026-11-01 08:00']);
    expect(text(page.querySelector('#export-result'))).not.toMatch(/[{}\[\]]/);
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
