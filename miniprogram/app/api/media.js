// Files (server: media/MediaController): read URLs of stored images, and direct uploads to object storage
// through a policy (see upload() below and docs/features/content.md). Field names follow UploadPolicy and
// MediaView.

const { call } = require('./call');

/** GET /media/url?key=&width= → MediaView {key, url, checkStatus, ...}; 404 while someone else's image is being checked. */
function url(key, width, options) {
  const data = { key };
  if (width) data.width = width;
  return call({ url: '/api/v1/media/url', data }, options);
}

/** POST /media/upload-policy {purpose, contentType, size} → UploadPolicy {host, key, fields, expiresAt, maxBytes}. */
function uploadPolicy(purpose, contentType, size, options) {
  return call({ url: '/api/v1/media/upload-policy', method: 'POST', data: { purpose, contentType, size } }, options);
}

/** POST /media/confirm {key} → MediaView: the server checks the object exists and is the caller's. */
function confirm(key, options) {
  return call({ url: '/api/v1/media/confirm', method: 'POST', data: { key } }, options);
}

module.exports = { url, uploadPolicy, confirm };
