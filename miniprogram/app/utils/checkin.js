// 扫码签到: scan the venue screen's code, attach the phone's position when the resident allows it,
// and post with retries. A refused or failed position is never a reason to give up: the server
// records "位置未核验" and elders whose phones deny location can still check in.

const events = require('../api/events');
const { position } = require('./location');

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

/**
 * The venue token in what was scanned: the code itself, or the link the venue screen shows
 * (<prefix>?t=<token>, which WeChat's 扫一扫 hands to the check-in page as an encoded `q`).
 */
function tokenFrom(scanned) {
  let text = String(scanned || '').trim();
  if (text.indexOf('%3F') >= 0 || text.indexOf('%3f') >= 0) {
    try {
      text = decodeURIComponent(text);
    } catch (e) {
      return text;
    }
  }
  const m = /[?&]t=([^&#]+)/.exec(text);
  return m ? m[1] : text;
}

/** The text shown after a successful answer. */
function resultText(att) {
  const out = Boolean(att.checkOutAt) && !att.alreadyRecorded;
  let text;
  if (att.alreadyRecorded) text = att.checkOutAt ? '您已签退，无需重复扫码' : '您已签到，无需重复扫码';
  else text = out ? '签退成功' : '签到成功';
  let note;
  if (att.locationVerified) note = '位置已核验';
  else if (att.presenceConfirmed) note = '已由组织者确认';
  else note = '未获取位置：请找组织者确认，确认后才计学时';
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
    const att = await events.checkin(data);
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
  return checkinWithToken(tokenFrom(token));
}

module.exports = { scanAndCheckin, checkinWithToken, resultText, tokenFrom };
