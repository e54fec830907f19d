// One place that shows short messages, so the request layer and the pages say things the
// same way (icon "none" allows two lines of Chinese instead of seven characters).
//
// In 关怀模式 an error is never a toast that vanishes after 2.5 s (too quick to read for many elders):
// it is a dialog that stays until the resident taps 知道了.

const { STORAGE_KEYS } = require('./config');

// Read from storage, not utils/elder: that module needs the request layer, which needs this one.
function elderMode() {
  try {
    return wx.getStorageSync(STORAGE_KEYS.elderMode) === true;
  } catch (e) {
    return false;
  }
}

function showError(message) {
  if (!message) return;
  if (elderMode()) {
    wx.showModal({ title: '提示', content: String(message), showCancel: false, confirmText: '知道了' });
    return;
  }
  wx.showToast({ title: String(message), icon: 'none', duration: 2500 });
}

function showSuccess(message) {
  // A success is also confirmed on the page itself; in 关怀模式 it simply stays longer.
  wx.showToast({ title: String(message), icon: 'success', duration: elderMode() ? 3000 : 1500 });
}

module.exports = { showError, showSuccess };
