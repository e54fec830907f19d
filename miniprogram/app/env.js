// Where the mini-program finds the 科普云溪 API, per version of the mini-program. This is the one file
// the district edits before publishing: set `release` (and `trial`) to its own HTTPS domain, and add
// that domain under 小程序管理后台 → 开发管理 → 开发设置 → 服务器域名 (see miniprogram/README.md).
//
// Which entry applies is decided at run time by wx.getAccountInfoSync().miniProgram.envVersion:
//   develop: 开发版 (微信开发者工具, 真机调试, 预览)
//   trial:   体验版 (members of the project testing before review)
//   release: 正式版 (what residents open)
// `npm run check` (miniprogram/ci.sh) fails when `release` or `trial` is not https://, or points at
// localhost, 127.0.0.1 or another address a resident's phone cannot reach.

module.exports = {
  apiBaseUrls: {
    develop: 'http://127.0.0.1:8080',
    trial: 'https://kepu-test.yunxi.gov.cn',
    release: 'https://kepu.yunxi.gov.cn',
  },
};
