// 扫码签到: scan the venue screen's code, attach the phone's position when the resident allows it,
// and post with retries. A refused or failed position is never a reason to give up: the server
// records "位置未核验" and elders whose phones deny location can still check in.

const { requestWithRetry } = require('./events');

function scan() {
  return new Promise((resolve, reject) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(res.result),
      fail: (err) => reject(err),
    });
  });
}

/** The position or null; gcj02 because venues are picked on Chinese (GCJ-02) maps. */
function position() {
  return new Promise((resolve) => {
    if (typeof wx.getLocation !== 'function') {
      resolve(null);
      return;
    }
    wx.getLocation({
      type: 'gcj02',
      success: (res) => resolve({ latitude: res.latitude, longitude: res.longitude }),
      fail: () => resolve(null),
    });
  });
}

/** The text shown after a successful answer. */
function resultText(att) {
  const out = Boolean(att.checkOutAt) && !att.alreadyRecorded;
  let text;
  if (att.alreadyRecorded) text = att.checkOutAt ? '您已签退，无需重复扫码' : '您已签到，无需重复扫码';
  else text = out ? '签退成功' : '签到成功';
  const note = att.locationVerified
    ? `位置已核验${att.distanceM !== null && att.distanceM !== undefined ? `（距现场约 ${att.distanceM} 米）` : ''}`
    : '未获取位置，记为“位置未核验”';
  return { title: text, note };
}

/** Post a scanned token. Resolves with {ok, title, note, attendance} or {ok:false, title} (server's words). */
async function checkinWithToken(token) {
  const pos = await position();
  const data = { token };
  if (pos) {
    data.latitude = pos.latitude;
    data.longitude = pos.longitude;
  }
  try {
    const att = await requestWithRetry({ url: '/api/v1/checkins', method: 'POST', data });
    return Object.assign({ ok: true, attendance: att }, resultText(att));
  } catch (err) {
    return { ok: false, title: err.detail || '签到失败，请稍后重试', note: '', code: err.code };
  }
}

/** The whole flow from the 扫码签到 button; null when the resident closed the scanner. */
async function scanAndCheckin() {
  let token;
  try {
    token = await scan();
  } catch (e) {
    return null;
  }
  if (!token) return null;
  return checkinWithToken(String(token).trim());
}

module.exports = { scanAndCheckin, checkinWithToken, position, resultText };
