// Direct upload of an image to object storage, the way the server's media feature expects it:
//   1. POST /media/upload-policy {purpose, contentType, size}  → {host, key, fields, maxBytes}
//   2. wx.uploadFile to `host` as a form POST: `fields` as they came, the file as `file`
//   3. POST /media/confirm {key}                                → MediaView (checked to exist and be ours)
// The key is used exactly as the policy gave it (the policy may pin it), and the form fields are sent
// untouched. Errors come out as ApiError, like every other request, so pages show them the same way.

const media = require('../api/media');
const { ApiError, NETWORK_ERROR_MESSAGE } = require('./request');

const TYPES = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };
const UPLOAD_FAILED = '图片上传失败，请稍后重试';

/** image/jpeg, image/png ... from WeChat's image info, else from the file name; JPEG when unsure (camera photos). */
function contentTypeOf(filePath) {
  return new Promise((resolve) => {
    const byName = () => {
      const m = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(String(filePath));
      return (m && TYPES[m[1].toLowerCase()]) || 'image/jpeg';
    };
    if (typeof wx.getImageInfo !== 'function') {
      resolve(byName());
      return;
    }
    wx.getImageInfo({
      src: filePath,
      success: (res) => resolve(TYPES[String(res.type || '').toLowerCase()] || byName()),
      fail: () => resolve(byName()),
    });
  });
}

/** The file's size in bytes, or null when the base library cannot tell (the size is optional for the policy). */
function sizeOf(filePath) {
  return new Promise((resolve) => {
    const fs = typeof wx.getFileSystemManager === 'function' ? wx.getFileSystemManager() : null;
    if (!fs || typeof fs.getFileInfo !== 'function') {
      resolve(null);
      return;
    }
    fs.getFileInfo({ filePath, success: (res) => resolve(res.size), fail: () => resolve(null) });
  });
}

/** The storage's own error answer (OSS XML, or our problem JSON in local mode) as an ApiError. */
function uploadError(res) {
  let detail = UPLOAD_FAILED;
  try {
    const body = typeof res.data === 'string' ? JSON.parse(res.data) : res.data;
    if (body && body.detail) detail = body.detail;
  } catch (e) {
    // OSS answers XML: our words stand.
  }
  if (res.statusCode === 413 || /EntityTooLarge/.test(String(res.data))) detail = '图片太大了，请换一张小一些的';
  return new ApiError({ status: res.statusCode, code: 'UPLOAD_FAILED', detail });
}

function post(policy, filePath) {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: policy.host,
      filePath,
      name: 'file',
      formData: policy.fields || {},
      success: (res) => (res.statusCode >= 200 && res.statusCode < 300 ? resolve(res) : reject(uploadError(res))),
      fail: (err) => {
        const e = new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: NETWORK_ERROR_MESSAGE });
        e.errMsg = err && err.errMsg;
        reject(e);
      },
    });
  });
}

/**
 * Upload an image chosen on the phone. purpose: AVATAR (头像) or RESIDENT_IMAGE (评论配图).
 * Resolves with the confirmed MediaView {key, url, checkStatus, ...}; rejects with ApiError (no toast: the
 * page says what went wrong next to what the resident was doing).
 */
async function uploadImage(filePath, purpose) {
  const [contentType, size] = await Promise.all([contentTypeOf(filePath), sizeOf(filePath)]);
  const policy = await media.uploadPolicy(purpose, contentType, size || undefined, { silent: true });
  if (size && policy.maxBytes && size > policy.maxBytes) {
    throw new ApiError({ status: 413, code: 'MEDIA_TOO_LARGE', detail: '图片太大了，请换一张小一些的' });
  }
  await post(policy, filePath);
  return media.confirm(policy.key, { silent: true });
}

module.exports = { uploadImage, contentTypeOf };
