// The phone's position for distance lists and on-site check-ins. gcj02, because venues and bases are
// picked on Chinese (GCJ-02) maps. Never rejects: a refusal or a failure is an answer the page explains.

/**
 * Resolves {latitude, longitude}, or {refused: true} when the resident (or WeChat's settings) said no,
 * or {failed: true} when no fix came (GPS off, indoors, old base library).
 */
function locate() {
  return new Promise((resolve) => {
    if (typeof wx.getLocation !== 'function') {
      resolve({ failed: true });
      return;
    }
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: (err) => resolve(/auth|deny|denied|authorize/i.test((err && err.errMsg) || '') ? { refused: true } : { failed: true }),
    });
  });
}

/** The position, or null for any reason it is not there. */
async function position() {
  const where = await locate();
  return where.refused || where.failed ? null : where;
}

/** "约 850 米" / "约 3.2 公里"; '' without a distance. */
function distanceText(meters) {
  if (meters === null || meters === undefined || Number.isNaN(Number(meters))) return '';
  const m = Number(meters);
  if (m < 1000) return `约 ${Math.round(m)} 米`;
  return `约 ${(m / 1000).toFixed(m < 10000 ? 1 : 0)} 公里`;
}

/** Opens WeChat's settings page of this mini-program, where a refused permission can be allowed again. */
function openSettings() {
  if (typeof wx.openSetting === 'function') wx.openSetting({});
}

module.exports = { locate, position, distanceText, openSettings };
