// Whether the organiser's phone is offline: wx.getNetworkType says "none", or a request failed for want
// of a network (utils/request.js turns that into status 0 / NETWORK_ERROR). The organiser pages use it to
// decide between asking the server and working from what they downloaded.

/** Resolves true when wx.getNetworkType says the phone has no network. */
function phoneOffline() {
  return new Promise((resolve) => {
    if (typeof wx.getNetworkType !== 'function') {
      resolve(false);
      return;
    }
    wx.getNetworkType({
      success: (res) => resolve(Boolean(res) && res.networkType === 'none'),
      fail: () => resolve(false),
    });
  });
}

function isNetworkError(err) {
  return Boolean(err) && (err.status === 0 || err.code === 'NETWORK_ERROR');
}

module.exports = { phoneOffline, isNetworkError };
