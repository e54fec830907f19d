// What the organiser sees after scanning a resident's ticket: a big ✓ or ✗ with the reason in a few
// words, from the server's answer (AttendanceView or a problem). Kept apart from the page so the
// offline queue can show the same words.

function reasonOf(err) {
  const detail = (err && err.detail) || '';
  if (err && err.code === 'TICKET_INVALID') return detail.indexOf('不属于本活动') >= 0 ? '不是本活动' : '凭证无效';
  if (err && err.code === 'NOT_SIGNED_UP') {
    if (detail.indexOf('取消') >= 0) return '已取消';
    return '未确认';
  }
  if (err && err.code === 'CHECKIN_NOT_OPEN') return '不在签到时间';
  if (err && err.code === 'NOT_CHECKED_IN') return '未签到，不能签退';
  return detail || '核验失败';
}

/** {ok, mark, title, note} for a scan answer. */
function scanResult(purpose, attendance, err) {
  if (err) return { ok: false, mark: '✗', title: reasonOf(err), note: (err && err.detail) || '' };
  const word = purpose === 'OUT' ? '签退' : '签到';
  if (attendance.alreadyRecorded) {
    const already = purpose === 'OUT' ? '已签退' : '已签到';
    return { ok: false, mark: '✗', title: already, note: `此前已${word}，无需重复` };
  }
  return { ok: true, mark: '✓', title: `${word}成功`, note: '' };
}

module.exports = { scanResult, reasonOf };
