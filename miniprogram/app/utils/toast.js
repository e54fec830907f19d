// One place that shows short messages, so the request layer and the pages say things the
// same way (icon "none" allows two lines of Chinese instead of seven characters).

function showError(message) {
  if (!message) return;
  wx.showToast({ title: String(message), icon: 'none', duration: 2500 });
}

function showSuccess(message) {
  wx.showToast({ title: String(message), icon: 'success', duration: 1500 });
}

module.exports = { showError, showSuccess };
