// What an error state on a page says. A resident must be able to tell "my phone has no network" from
// "the server refused" from "this thing is gone", and know what to do next, so every failure is sorted
// into one of a few kinds with an honest Chinese title and advice. Pages render the result with the
// page-state component (components/page-state), which also offers 重试.

const KINDS = {
  // The phone itself has no network (wx.getNetworkType says none).
  offline: { title: '手机没有连上网络', message: '请打开移动数据或连接无线网络，然后点“重试”。' },
  // A network exists but the request got no answer (timeout, DNS, server unreachable).
  network: { title: '网络不给力', message: '连不上科普云溪的服务器，可能是信号不好。请稍后点“重试”。' },
  // 401 after the request layer already renewed the session once, or WeChat login failed.
  auth: { title: '登录已失效', message: '请点“重试”重新登录；如果一直不行，请退出小程序后重新打开。' },
  // 403: the server says this account may not do or see this.
  forbidden: { title: '没有权限', message: '您的账号不能查看这里的内容。' },
  // 404: the thing was deleted, withdrawn or never existed.
  missing: { title: '内容不存在', message: '要找的内容不存在，或已被删除、下线。' },
  // 5xx, or an answer we could not read.
  server: { title: '服务器暂时出了问题', message: '这不是您的操作问题，请过几分钟再点“重试”。' },
  // Any other refusal with the server's own reason (4xx with a detail).
  refused: { title: '没有办成', message: '' },
  signedOut: { title: '您已注销账号', message: '请回到首页，点“重新开始使用”。' },
};

/**
 * Sort an ApiError (or anything thrown) into {kind, title, message, retry}. For a plain refusal the
 * server's own `detail` is the message; for the others our advice is, because a 500's detail says little.
 * `retry` says whether trying again can help: only when the answer may differ next time (no network,
 * a lost session, a server failure); a refusal, 403 or 404 would say the same again.
 * options.refusedTitle: the page's own heading for a refusal (e.g. "现在不能答题").
 */
function describeError(err, options) {
  const e = err || {};
  const refusedTitle = (options && options.refusedTitle) || KINDS.refused.title;
  let kind;
  if (e.code === 'SIGNED_OUT') kind = 'signedOut';
  else if (e.code === 'WX_LOGIN_FAILED' || e.status === 401) kind = 'auth';
  else if (e.code === 'NETWORK_ERROR' || e.status === 0) kind = e.offline ? 'offline' : 'network';
  else if (e.status === 403) kind = 'forbidden';
  else if (e.status === 404) kind = 'missing';
  else if (e.status >= 500 || e.code === 'CLIENT_ERROR') kind = 'server';
  else kind = 'refused';
  const base = KINDS[kind];
  // The server's 404 detail names the thing ("活动不存在"), which is better than our generic words.
  let title = base.title;
  if (kind === 'missing' && e.detail) title = e.detail;
  if (kind === 'refused') title = refusedTitle;
  const message = kind === 'refused' ? e.detail || '请稍后再试。' : base.message;
  return { kind, title, message, retry: ['offline', 'network', 'auth', 'server'].indexOf(kind) >= 0 };
}

/**
 * The server's field errors ({field, message}) for the form inputs named in `fields`, joined per input
 * ("skills[0]" counts for "skills"); shown under each input. Others are for the page to show as a refusal.
 */
function fieldErrorsFor(fieldErrors, fields) {
  const out = {};
  (fieldErrors || []).forEach((e) => {
    const key = String(e.field || '').replace(/\[\d+\]$/, '');
    if (fields.indexOf(key) >= 0) out[key] = out[key] ? `${out[key]}；${e.message}` : e.message;
  });
  return out;
}

module.exports = { describeError, fieldErrorsFor, KINDS };
