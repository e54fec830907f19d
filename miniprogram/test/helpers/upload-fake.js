// The storage side of a direct upload, as the server's upload policy describes it: the fake wx.uploadFile
// records what the mini-program posted (url, name, form fields, file) and answers like the storage would.

/** An UploadPolicy as POST /media/upload-policy returns it (OSS PostObject V4 form fields). */
function policy(purpose = 'AVATAR', overrides = {}) {
  const key = `r/1001/${purpose === 'AVATAR' ? 'avatar' : 'image'}/20261129/5f0c2a.jpg`;
  return Object.assign(
    {
      host: 'https://kepu-media.oss-cn-hangzhou.aliyuncs.com',
      key,
      fields: {
        key,
        policy: 'eyJleHBpcmF0aW9uIjoi',
        'x-oss-signature-version': 'OSS4-HMAC-SHA256',
        'x-oss-credential': 'LTAI/20261129/cn-hangzhou/oss/aliyun_v4_request',
        'x-oss-date': '20261129T100000Z',
        'x-oss-signature': 'abc123',
        'Content-Type': 'image/jpeg',
        success_action_status: '200',
      },
      expiresAt: '2026-11-29T18:10:00+08:00',
      maxBytes: 5242880,
    },
    overrides,
  );
}

/** Installs wx.uploadFile, wx.getImageInfo and the file-size lookup; returns the list of uploads made. */
function installStorage(wx, { statusCode = 200, data = '', fail = false, size = 204800, type = 'jpeg' } = {}) {
  const uploads = [];
  wx.getImageInfo = jest.fn((o) => o.success({ width: 640, height: 640, type }));
  wx.getFileSystemManager = jest.fn(() => ({ getFileInfo: (o) => o.success({ size }) }));
  wx.uploadFile = jest.fn((o) => {
    uploads.push({ url: o.url, name: o.name, filePath: o.filePath, formData: o.formData });
    Promise.resolve().then(() => (fail ? o.fail({ errMsg: 'uploadFile:fail timeout' }) : o.success({ statusCode, data })));
  });
  return uploads;
}

module.exports = { policy, installStorage };
