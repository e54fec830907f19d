// 协助签到: an approved 科普信息员 / 科普宣传员 who helps run an event scans the venue's check-in code (the
// same big QR code participants scan) to record their help. No signup is needed; it counts as one activity
// run (the officer's "active" status) once per session. Position is attached when allowed, as for any
// check-in; without it the server records "位置未核验" and the help counts only once the event's organiser
// confirms it (or the officer scans again with a position near the venue).

const { elderPage } = require('../../behaviors/elder-page');
const { tokenFrom } = require('../../utils/checkin');
const { position } = require('../../utils/location');
const events = require('../../api/events');

function scan() {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(String(res.result || '').trim()),
      fail: () => resolve(''),
    });
  });
}

const PENDING = '位置未核验：组织者确认您在现场后计开展活动一次；也可打开定位后再扫一次';

function resultOf(view) {
  const time = String(view.checkInAt || '').slice(11, 16);
  if (view.alreadyRecorded) {
    return { ok: true, title: '本场已协助签到',
      note: view.presenceConfirmed ? `${time} 已记录，无需重复扫码` : `${time} 已记录。${PENDING}` };
  }
  if (!view.presenceConfirmed) {
    return { ok: true, title: '协助签到已记录', note: `${time} 已记录。${PENDING}`, pending: true };
  }
  return { ok: true, title: '协助签到成功', note: `${time} 已记录，计开展活动一次（位置已核验）` };
}

Page(
  elderPage({
    data: {
      busy: false,
      result: null,
    },

    async onScan() {
      if (this.data.busy) return;
      const scanned = await scan();
      if (!scanned) return;
      this.setData({ busy: true, result: null });
      const body = { token: tokenFrom(scanned) };
      const where = await position();
      if (where) {
        body.latitude = where.latitude;
        body.longitude = where.longitude;
      }
      let result;
      try {
        result = resultOf(await events.helperCheckin(body, { silent: true }));
      } catch (err) {
        const notOfficer = err && err.code === 'NOT_AN_OFFICER';
        result = { ok: false, title: notOfficer ? '您还不是科普信息员' : (err.detail || '签到失败，请稍后重试'),
          note: notOfficer ? '审核通过后才能协助签到，可在“我的 → 科普信息员”申请' : '', notOfficer };
      }
      this.setData({ busy: false, result });
    },

    onOpenOfficer() {
      wx.navigateTo({ url: '/pages/officer/officer' });
    },
  }),
);
