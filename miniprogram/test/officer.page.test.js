// 科普信息员 / 科普宣传员: applying, the review result, 我的传播 and the share poster.

const { json, problem, flush } = require('./helpers/wx');
const { me, signedIn, renderMe } = require('./helpers/fixtures');
const { officer, reach, reachByVillage } = require('./helpers/officer-fixtures');
const { card, detail, page } = require('./helpers/content-fixtures');
const { renderPage, text, inner, hasClass, tapSegment } = require('./helpers/render');

let server;

beforeEach(() => {
  server = signedIn();
});

function tapButton(p, id) {
  inner(p, id, '.t-button').dispatchEvent('tap');
}

function type(p, id, value) {
  p.querySelector(`#${id}`).dispatchEvent('input', { detail: { value } });
}

describe('科普信息员 / 宣传员 page', () => {
  test('applies for the resident\'s own village with real name and phone', async () => {
    server.on('GET', '/api/v1/officers/me', json(200, []));
    server.on('POST', '/api/v1/officers/applications', (call) => json(201, officer({ role: call.data.role, roleLabel: '科普宣传员' })));
    const p = await renderPage('pages/officer/officer');
    await flush();

    expect(text(p.querySelector('#region'))).toBe('云溪镇 / 新塘村');
    expect(text(p.querySelector('#duty'))).toContain('转发科普内容');
    tapSegment(p, 'role-tabs', 1);
    await flush();
    expect(text(p.querySelector('#duty'))).toContain('组织和宣传');
    type(p, 'input-realName', ' 张三 ');
    type(p, 'input-phone', '138 0000 1234');
    type(p, 'input-motivation', '常在村群里转发科普');
    await flush();
    server.on('GET', '/api/v1/officers/me', json(200, [officer({ role: 'PROMOTER', roleLabel: '科普宣传员' })]));
    tapButton(p, 'submit-btn');
    await flush();

    expect(server.callsTo('POST', '/api/v1/officers/applications')[0].data).toEqual({
      role: 'PROMOTER',
      regionCode: '430603101201',
      realName: '张三',
      phone: '13800001234',
      motivation: '常在村群里转发科普',
    });
    expect(text(p.querySelector('#submitted'))).toContain('已提交科普宣传员申请');
    expect(text(p.querySelector('#status-PROMOTER'))).toBe('待审核');
    // Still free to apply for the other role.
    expect(p.instance.data.roles.map((r) => r.value)).toEqual(['INFO_OFFICER']);
  });

  test('the server\'s field errors stand under their inputs; a refusal is shown as it is', async () => {
    server.on('GET', '/api/v1/officers/me', json(200, []));
    server.on('POST', '/api/v1/officers/applications', problem(400, 'VALIDATION_FAILED', '请求参数不正确', [
      { field: 'realName', message: '请填写真实姓名' },
      { field: 'phone', message: '手机号格式不正确' },
    ]));
    const p = await renderPage('pages/officer/officer');
    await flush();

    tapButton(p, 'submit-btn');
    await flush();
    expect(text(p.querySelector('#error-realName'))).toBe('请填写真实姓名');
    expect(text(p.querySelector('#error-phone'))).toBe('手机号格式不正确');
    expect(p.querySelector('#refusal')).toBeUndefined();

    server.on('POST', '/api/v1/officers/applications', problem(409, 'ALREADY_APPLIED', '您已经申请过，请等待审核'));
    tapButton(p, 'submit-btn');
    await flush();
    expect(text(p.querySelector('#refusal'))).toBe('您已经申请过，请等待审核');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('an approved officer sees the result, the way to 我的传播, and the phone remembers it for the poster', async () => {
    server.on('GET', '/api/v1/officers/me', json(200, [officer({ status: 'APPROVED', active: true, reviewNote: '欢迎加入' })]));
    const p = await renderPage('pages/officer/officer');
    await flush();

    expect(text(p.querySelector('#status-INFO_OFFICER'))).toBe('已通过');
    expect(hasClass(p.querySelector('#status-INFO_OFFICER'), 't-tag--success')).toBe(true);
    expect(text(p.querySelector('#application-INFO_OFFICER'))).toContain('陆城镇 / 陆城样例村1');
    expect(text(p.querySelector('#review-note-INFO_OFFICER'))).toBe('审核意见：欢迎加入');
    expect(wx.__storage.get('kepu.officerApproved')).toBe(true);
    tapButton(p, 'open-reach');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/officer-reach/officer-reach' });
    // and the way to check in as a helper at an event
    tapButton(p, 'open-helper-checkin');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/helper-checkin/helper-checkin' });
  });

  test('a rejected application can be made again', async () => {
    server.on('GET', '/api/v1/officers/me', json(200, [officer({ status: 'REJECTED', reviewNote: '请先在村里服务半年' })]));
    const p = await renderPage('pages/officer/officer');
    await flush();

    expect(text(p.querySelector('#status-INFO_OFFICER'))).toBe('未通过');
    expect(p.querySelector('#reapply-INFO_OFFICER')).toBeTruthy();
    expect(p.instance.data.roles.map((r) => r.value)).toEqual(['INFO_OFFICER', 'PROMOTER']);
  });

  test('nothing is asked for before the privacy policy is accepted', async () => {
    server = signedIn(me({ privacyPolicyVersion: null }));
    const p = await renderPage('pages/officer/officer');
    await flush();

    expect(server.calls).toHaveLength(0);
    expect(text(p.querySelector('#consent-gate'))).toContain('真实姓名和手机号');
  });

  test('我的 opens the page', async () => {
    const p = await renderMe(server);
    inner(p, 'open-officer', '.t-cell').dispatchEvent('tap');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/officer/officer' });
  });
});

describe('我的传播 page', () => {
  test('shows shares, opens, readers, activity, readers by village, and offers items for a poster', async () => {
    server.on('GET', '/api/v1/officers/me/reach', json(200, reach()));
    server.on('GET', '/api/v1/officers/me/reach/villages', json(200, reachByVillage()));
    server.on('GET', '/api/v1/contents', json(200, page([card(5, { title: '冬季防火' }), card(6)])));
    const p = await renderPage('pages/officer-reach/officer-reach');
    await flush();

    expect(text(p.querySelector('#shares'))).toBe('12');
    expect(text(p.querySelector('#opens'))).toBe('45');
    expect(text(p.querySelector('#reached'))).toBe('37');
    expect(text(p.querySelector('#activities'))).toBe('2');
    expect(text(p.querySelector('#active'))).toContain('近 90 天内有分享或活动');
    const villages = p.querySelectorAll('.village-row').map((n) => text(n));
    expect(villages).toEqual(['陆城镇 / 陆城样例村130 人', '云溪街道 / 云溪样例社区25 人', '未填写村（社区）2 人']);
    expect(server.callsTo('GET', '/api/v1/contents')[0].data).toEqual({ page: 1, size: 10 });

    expect(text(p.querySelector('#pick-5'))).toContain('冬季防火');
    tapButton(p, 'poster-5');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/share-poster/share-poster?id=5' });
  });

  test('an officer who stopped sharing is told how to become active again', async () => {
    server.on('GET', '/api/v1/officers/me/reach', json(200, reach({ active: false, lastActiveOn: null })));
    server.on('GET', '/api/v1/officers/me/reach/villages', json(200, reachByVillage({ opens: 0, reachedResidents: 0, villages: [] })));
    server.on('GET', '/api/v1/contents', json(200, page([])));
    const p = await renderPage('pages/officer-reach/officer-reach');
    await flush();

    expect(text(p.querySelector('#active'))).toContain('已超过 90 天没有分享或活动');
    expect(text(p.querySelector('#figures'))).toContain('最近一次：还没有');
    expect(text(p.querySelector('#villages-empty'))).toContain('还没有人通过您的分享打开');
  });

  test('not an officer yet: says so and leads to the application, without an error', async () => {
    server.on('GET', '/api/v1/officers/me/reach', problem(404, 'NOT_OFFICER', '您还不是科普信息员'));
    server.on('GET', '/api/v1/officers/me/reach/villages', problem(404, 'NOT_OFFICER', '您还不是科普信息员'));
    const p = await renderPage('pages/officer-reach/officer-reach');
    await flush();

    expect(text(p.querySelector('#none'))).toContain('您还不是科普信息员或宣传员');
    expect(wx.showToast).not.toHaveBeenCalled();
    tapButton(p, 'open-application');
    await flush();
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/officer/officer' });
  });
});

describe('分享海报 page', () => {
  let drawn;
  let ctx;
  let images;

  /** A Canvas 2D node whose context records what is drawn. */
  function fakeCanvas() {
    drawn = [];
    ctx = {
      font: '',
      fillStyle: '',
      textBaseline: '',
      scale: jest.fn(),
      fillRect: jest.fn(),
      fillText: jest.fn((t) => drawn.push(t)),
      drawImage: jest.fn(),
      measureText: (t) => ({ width: String(t).length * 16 }),
    };
    images = [];
    const canvas = {
      width: 0,
      height: 0,
      getContext: jest.fn(() => ctx),
      createImage: () => {
        const image = {};
        images.push(image);
        Object.defineProperty(image, 'src', {
          set(v) {
            image.url = v;
            Promise.resolve().then(() => (v.includes('broken') ? image.onerror(new Error('404')) : image.onload()));
          },
        });
        return image;
      },
    };
    wx.createSelectorQuery = jest.fn(() => {
      const q = { select: () => q, fields: () => q, exec: (cb) => Promise.resolve().then(() => cb([{ node: canvas, width: 300, height: 500 }])) };
      return q;
    });
    return canvas;
  }

  beforeEach(() => {
    fakeCanvas();
    wx.getWindowInfo = jest.fn(() => ({ pixelRatio: 3, windowWidth: 375, windowHeight: 800 }));
    wx.canvasToTempFilePath = jest.fn((o) => o.success({ tempFilePath: 'wxfile://poster.png' }));
    wx.saveImageToPhotosAlbum = jest.fn((o) => o.success({}));
    wx.showShareImageMenu = jest.fn();
    server.on('GET', '/api/v1/contents/5', json(200, detail(5, { title: '冬季用火用电安全', summary: '取暖季防火要点' })));
    server.on('GET', '/api/v1/officers/me', json(200, [officer({ status: 'APPROVED' })]));
    server.on('POST', '/api/v1/contents/5/shares', json(201, { shareToken: 'AbCdEfGhIjKlMnOpQrStUv', path: '/pages/content/detail?id=5&st=AbCdEfGhIjKlMnOpQrStUv' }));
  });

  test('draws the item, the officer\'s name and village, and the code that carries the share token', async () => {
    server.on('POST', '/api/v1/officers/me/share-codes', json(200, { key: 'sys/generated/x.png', url: '/api/v1/media/local/files/sys/generated/x.png?e=1&s=2' }));
    const p = await renderPage('pages/share-poster/share-poster', { id: '5' });
    await flush();

    expect(server.callsTo('POST', '/api/v1/officers/me/share-codes')[0].data).toEqual({ contentId: 5, shareToken: 'AbCdEfGhIjKlMnOpQrStUv' });
    // A locally served file is fetched from the API's own address.
    expect(images[0].url).toBe('http://127.0.0.1:8080/api/v1/media/local/files/sys/generated/x.png?e=1&s=2');
    expect(ctx.drawImage).toHaveBeenCalledWith(images[0], expect.any(Number), expect.any(Number), 120, 120);
    expect(ctx.scale).toHaveBeenCalledWith(3, 3);
    const all = drawn.join('|');
    expect(all).toContain('科普云溪');
    expect(all).toContain('冬季用火用电安全');
    expect(all).toContain('取暖季防火要点');
    expect(all).toContain('科普信息员 张*（陆城样例村1）向您推荐');
    expect(all).toContain('长按识别小程序码');
    expect(text(p.querySelector('#poster-note'))).toContain('阅读会计入您的传播');
    // The card share carries the same token.
    expect(p.instance.onShareAppMessage().path).toBe('/pages/content/detail?id=5&st=AbCdEfGhIjKlMnOpQrStUv');

    tapButton(p, 'save-btn');
    await flush();
    expect(wx.saveImageToPhotosAlbum).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://poster.png' }));
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' }));

    tapButton(p, 'share-image-btn');
    await flush();
    expect(wx.showShareImageMenu).toHaveBeenCalledWith({ path: 'wxfile://poster.png' });
  });

  test('without a code (WeChat busy) the poster says how to find the mini-program', async () => {
    server.on('POST', '/api/v1/officers/me/share-codes', problem(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后重试'));
    const p = await renderPage('pages/share-poster/share-poster', { id: '5' });
    await flush();

    expect(ctx.drawImage).not.toHaveBeenCalled();
    expect(drawn.join('')).toContain('在微信中搜索“科普云溪”小程序');
    expect(text(p.querySelector('#poster-note'))).toContain('小程序码暂时生成不了');
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('a refused album permission leads to the settings', async () => {
    server.on('POST', '/api/v1/officers/me/share-codes', json(200, { key: 'k', url: 'https://oss.example.cn/k.png' }));
    wx.saveImageToPhotosAlbum = jest.fn((o) => o.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }));
    wx.openSetting = jest.fn();
    wx.showModal = jest.fn((o) => o.success({ confirm: true }));
    const p = await renderPage('pages/share-poster/share-poster', { id: '5' });
    await flush();

    tapButton(p, 'save-btn');
    await flush();
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '需要保存到相册的权限' }));
    expect(wx.openSetting).toHaveBeenCalled();
  });

  test('only approved officers make posters: nobody else creates a share here', async () => {
    server.on('GET', '/api/v1/officers/me', json(200, [officer({ status: 'PENDING' })]));
    const p = await renderPage('pages/share-poster/share-poster', { id: '5' });
    await flush();

    expect(text(p.querySelector('#none'))).toContain('分享海报是科普信息员、宣传员的工具');
    expect(server.callsTo('POST', '/api/v1/contents/5/shares')).toHaveLength(0);
  });
});
