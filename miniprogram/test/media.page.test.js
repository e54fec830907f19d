// Uploads through the server's policy: the helper itself, the avatar on 我的, and a picture with a comment.

const { json, problem, flush } = require('./helpers/wx');
const { me, regions, signedIn } = require('./helpers/fixtures');
const { detail, interaction, comment, page } = require('./helpers/content-fixtures');
const { policy, installStorage } = require('./helpers/upload-fake');
const { renderPage, text, inner } = require('./helpers/render');
const { uploadImage } = require('../app/utils/upload');

let server;

beforeEach(() => {
  server = signedIn();
});

function mediaView(key, overrides = {}) {
  return Object.assign({ key, contentType: 'image/jpeg', size: 204800, purpose: 'AVATAR', checkStatus: 'PENDING', url: `https://kepu-media.example/${key}?sig` }, overrides);
}

describe('uploadImage', () => {
  test('asks for a policy, posts the file with the policy\'s fields untouched, and confirms the key it was given', async () => {
    const given = policy('RESIDENT_IMAGE');
    server.on('POST', '/api/v1/media/upload-policy', json(200, given));
    server.on('POST', '/api/v1/media/confirm', (call) => json(200, mediaView(call.data.key, { purpose: 'RESIDENT_IMAGE' })));
    const uploads = installStorage(wx, { type: 'png', size: 1234 });

    const view = await uploadImage('wxfile://tmp/photo', 'RESIDENT_IMAGE');

    expect(server.callsTo('POST', '/api/v1/media/upload-policy')[0].data).toEqual({ purpose: 'RESIDENT_IMAGE', contentType: 'image/png', size: 1234 });
    expect(uploads).toEqual([{ url: given.host, name: 'file', filePath: 'wxfile://tmp/photo', formData: given.fields }]);
    // The key is the policy's own, verbatim (the policy may pin it).
    expect(server.callsTo('POST', '/api/v1/media/confirm')[0].data).toEqual({ key: given.key });
    expect(view.key).toBe(given.key);
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  test('the type falls back to the file name, then to JPEG', async () => {
    server.on('POST', '/api/v1/media/upload-policy', json(200, policy()));
    server.on('POST', '/api/v1/media/confirm', (call) => json(200, mediaView(call.data.key)));
    installStorage(wx, { type: 'unknown' });
    await uploadImage('http://tmp/avatar.webp', 'AVATAR');
    await uploadImage('http://tmp/avatar', 'AVATAR');
    expect(server.callsTo('POST', '/api/v1/media/upload-policy').map((c) => c.data.contentType)).toEqual(['image/webp', 'image/jpeg']);
  });

  test('the storage refusing, a file over the limit, or no network come out as ApiError with Chinese words', async () => {
    server.on('POST', '/api/v1/media/upload-policy', json(200, policy()));
    installStorage(wx, { statusCode: 400, data: '<Error><Code>EntityTooLarge</Code></Error>' });
    await expect(uploadImage('wxfile://a.jpg', 'AVATAR')).rejects.toMatchObject({ code: 'UPLOAD_FAILED', detail: '图片太大了，请换一张小一些的' });

    installStorage(wx, { statusCode: 403, data: '<Error><Code>AccessDenied</Code></Error>' });
    await expect(uploadImage('wxfile://a.jpg', 'AVATAR')).rejects.toMatchObject({ status: 403, detail: '图片上传失败，请稍后重试' });

    const uploads = installStorage(wx, { size: 6 * 1024 * 1024 });
    await expect(uploadImage('wxfile://big.jpg', 'AVATAR')).rejects.toMatchObject({ code: 'MEDIA_TOO_LARGE' });
    expect(uploads).toHaveLength(0);

    installStorage(wx, { fail: true });
    await expect(uploadImage('wxfile://a.jpg', 'AVATAR')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(server.callsTo('POST', '/api/v1/media/confirm')).toHaveLength(0);
  });

  test('a refused policy (type not allowed) is the server\'s own words', async () => {
    server.on('POST', '/api/v1/media/upload-policy', problem(415, 'MEDIA_TYPE_NOT_ALLOWED', '不支持该文件类型，允许：image/jpeg、image/png、image/webp、image/gif'));
    installStorage(wx);
    await expect(uploadImage('wxfile://a.heic', 'AVATAR')).rejects.toMatchObject({ detail: expect.stringContaining('不支持该文件类型') });
  });
});

describe('头像 on 我的', () => {
  async function openMe(resident) {
    server.on('GET', '/api/v1/regions', json(200, regions()));
    server.on('GET', '/api/v1/me', json(200, resident));
    const p = await renderPage('pages/me/me');
    await flush();
    return p;
  }

  test('shows the server\'s avatar, and a new one is uploaded and saved as avatarKey', async () => {
    const p = await openMe(me({ avatarKey: 'r/1001/avatar/old.jpg', avatarUrl: 'https://kepu-media.example/old.jpg?w=200' }));
    expect(p.instance.data.avatarUrl).toBe('https://kepu-media.example/old.jpg?w=200');
    const given = policy('AVATAR');
    server.on('POST', '/api/v1/media/upload-policy', json(200, given));
    server.on('POST', '/api/v1/media/confirm', (call) => json(200, mediaView(call.data.key)));
    server.on('PATCH', '/api/v1/me', (call) => json(200, me({ avatarKey: call.data.avatarKey, avatarUrl: 'https://kepu-media.example/new.jpg?w=200' })));
    const uploads = installStorage(wx);

    p.querySelector('#avatar-btn').dispatchEvent('chooseavatar', { detail: { avatarUrl: 'http://tmp/avatar.jpeg' } });
    await flush();

    expect(uploads[0].filePath).toBe('http://tmp/avatar.jpeg');
    expect(server.callsTo('PATCH', '/api/v1/me').map((c) => c.data)).toEqual([{ avatarKey: given.key }]);
    expect(p.instance.data.avatarUrl).toBe('https://kepu-media.example/new.jpg?w=200');
    expect(wx.__storage.get('kepu.resident').avatarKey).toBe(given.key);
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '头像已更新' }));
    expect(text(p.querySelector('#avatar-note'))).toBe('点头像更换');
  });

  test('an avatar WeChat flags is refused: the old one comes back and the reason is shown', async () => {
    const p = await openMe(me({ avatarUrl: 'https://kepu-media.example/old.jpg?w=200' }));
    server.on('POST', '/api/v1/media/upload-policy', json(200, policy('AVATAR')));
    server.on('POST', '/api/v1/media/confirm', (call) => json(200, mediaView(call.data.key)));
    server.on('PATCH', '/api/v1/me', problem(400, 'AVATAR_REJECTED', '头像未通过内容安全检测，请换一张'));
    installStorage(wx);

    p.querySelector('#avatar-btn').dispatchEvent('chooseavatar', { detail: { avatarUrl: 'http://tmp/avatar.jpeg' } });
    await flush();

    expect(p.instance.data.avatarUrl).toBe('https://kepu-media.example/old.jpg?w=200');
    expect(text(p.querySelector('#avatar-error'))).toBe('头像未通过内容安全检测，请换一张');
  });
});

describe('图片 in comments', () => {
  beforeEach(() => {
    wx.createSelectorQuery = jest.fn(() => {
      const q = { select: () => q, boundingClientRect: () => q, exec: () => {} };
      return q;
    });
    wx.previewImage = jest.fn();
    server.on('GET', '/api/v1/contents/42', json(200, detail(42)));
    server.on('GET', '/api/v1/contents/42/interaction', json(200, interaction()));
    server.on('POST', '/api/v1/contents/42/read-sessions', json(201, { sessionId: 900, lengthSeconds: 120, requiredSeconds: 72, creditedSeconds: 0, completed: false, reportEverySeconds: 15, attributedToShare: false }));
  });

  async function openItem() {
    const p = await renderPage('pages/content/detail', { id: '42' });
    await flush();
    return p;
  }

  test('a picture is uploaded when chosen and its key goes with the comment; the author is told it is being checked', async () => {
    server.on('GET', '/api/v1/contents/42/comments', json(200, page([])));
    const given = policy('RESIDENT_IMAGE');
    server.on('POST', '/api/v1/media/upload-policy', json(200, given));
    server.on('POST', '/api/v1/media/confirm', (call) => json(200, mediaView(call.data.key, { purpose: 'RESIDENT_IMAGE' })));
    server.on('POST', '/api/v1/contents/42/comments', (call) => json(201, comment(88, {
      body: call.data.body, mine: true, status: 'VISIBLE', imageUrl: 'https://kepu-media.example/c.jpg?w=600', imageChecking: true,
    })));
    installStorage(wx);
    wx.chooseMedia = jest.fn((o) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/field.jpg', size: 204800 }] }));
    const p = await openItem();

    inner(p, 'add-image', '.t-button').dispatchEvent('tap');
    await flush();
    expect(wx.chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }));
    expect(text(p.querySelector('#comment-image-state'))).toBe('已添加图片');

    p.querySelector('#comment-input').dispatchEvent('input', { detail: { value: '田里的病虫害' } });
    await flush();
    inner(p, 'post-btn', '.t-button').dispatchEvent('tap');
    await flush();

    expect(server.callsTo('POST', '/api/v1/contents/42/comments')[0].data).toEqual({ body: '田里的病虫害', imageKey: given.key });
    expect(p.querySelector('#comment-image-88')).toBeTruthy();
    expect(text(p.querySelector('#image-note-88'))).toBe('图片审核中，通过后他人可见');
    // The draft is cleared for the next comment.
    expect(p.querySelector('#comment-image-draft')).toBeUndefined();
  });

  test('others\' comments show their picture once it can be seen; tapping enlarges it', async () => {
    server.on('GET', '/api/v1/contents/42/comments', json(200, page([
      comment(7, { body: '看图', imageUrl: 'https://kepu-media.example/7.jpg?w=600', imageChecking: false }),
      comment(8, { body: '没有图', imageUrl: null, imageChecking: true }),
    ])));
    const p = await openItem();

    expect(p.querySelector('#comment-image-7')).toBeTruthy();
    expect(p.querySelector('#comment-image-8')).toBeUndefined();
    // Only the author hears about a check in progress.
    expect(p.querySelector('#image-note-8')).toBeUndefined();
    p.querySelector('#comment-image-7').dispatchEvent('tap');
    await flush();
    expect(wx.previewImage).toHaveBeenCalledWith({ current: 'https://kepu-media.example/7.jpg?w=600', urls: ['https://kepu-media.example/7.jpg?w=600'] });
  });

  test('a failed upload is said next to the picture and blocks posting until it is removed', async () => {
    server.on('GET', '/api/v1/contents/42/comments', json(200, page([])));
    server.on('POST', '/api/v1/media/upload-policy', json(200, policy('RESIDENT_IMAGE')));
    installStorage(wx, { fail: true });
    wx.chooseMedia = jest.fn((o) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/field.jpg' }] }));
    const p = await openItem();

    inner(p, 'add-image', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#comment-image-state'))).toBe('网络不给力，请稍后重试');

    p.querySelector('#comment-input').dispatchEvent('input', { detail: { value: '好' } });
    await flush();
    inner(p, 'post-btn', '.t-button').dispatchEvent('tap');
    await flush();
    expect(text(p.querySelector('#post-error'))).toContain('图片没有上传成功');
    expect(server.callsTo('POST', '/api/v1/contents/42/comments')).toHaveLength(0);

    p.querySelector('#remove-image').dispatchEvent('tap');
    await flush();
    server.on('POST', '/api/v1/contents/42/comments', json(201, comment(90, { body: '好', mine: true })));
    inner(p, 'post-btn', '.t-button').dispatchEvent('tap');
    await flush();
    expect(server.callsTo('POST', '/api/v1/contents/42/comments')[0].data).toEqual({ body: '好' });
  });
});
