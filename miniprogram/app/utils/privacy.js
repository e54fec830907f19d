// Two consents are involved and this module keeps them in one place:
//  1. our own privacy policy (PRIVACY_POLICY_VERSION), recorded on the server per resident;
//  2. WeChat's privacy authorization, which WeChat asks for when a page uses an API that reads
//     personal data (chooseAvatar, nickname input, getPhoneNumber). WeChat then calls the
//     onNeedPrivacyAuthorization listener and waits until we call its `resolve`.
// Both are answered on pages/privacy: its 同意 button has open-type="agreePrivacyAuthorization",
// so one tap records both.

const { PRIVACY_POLICY_VERSION, STORAGE_KEYS } = require('./config');
const session = require('./session');
const meApi = require('../api/me');

const PRIVACY_PAGE_ROUTE = 'pages/privacy/privacy';
const AGREE_BUTTON_ID = 'agree-btn';

let pendingWxResolves = [];
// Set when the resident declines during this run, so the home page does not push the
// policy at them again on every onShow; the next cold start asks again.
let declinedThisRun = false;

function needsConsent(resident) {
  return !resident || resident.privacyPolicyVersion !== PRIVACY_POLICY_VERSION;
}

function currentRoute() {
  const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : [];
  const top = pages[pages.length - 1];
  return top ? top.route : '';
}

function openPrivacyPage(reason) {
  if (currentRoute() === PRIVACY_PAGE_ROUTE) return;
  wx.navigateTo({ url: `/${PRIVACY_PAGE_ROUTE}?reason=${reason}` });
}

/** Register WeChat's privacy listener once, from App.onLaunch. */
function installPrivacyHandler() {
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return; // base library < 2.32.3
  wx.onNeedPrivacyAuthorization((resolve) => {
    pendingWxResolves.push(resolve);
    openPrivacyPage('wechat');
  });
}

function hasPendingWxAuthorization() {
  return pendingWxResolves.length > 0;
}

/** Answer every API call WeChat is holding back. */
function settleWxAuthorization(agreed) {
  const resolves = pendingWxResolves;
  pendingWxResolves = [];
  resolves.forEach((resolve) =>
    resolve(agreed ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' }),
  );
}

/** Record on the server that the resident accepted the current policy. */
async function acceptPolicy() {
  const data = { privacyPolicyVersion: PRIVACY_POLICY_VERSION };
  // Elder mode chosen before consent lived only on the phone; now it may be saved with the rest.
  const resident = session.getResident();
  const localElder = wx.getStorageSync(STORAGE_KEYS.elderMode) === true;
  if (resident && Boolean(resident.elderMode) !== localElder) data.elderMode = localElder;
  const me = await meApi.update(data);
  session.saveResident(me);
  declinedThisRun = false;
  return me;
}

function declinePolicy() {
  declinedThisRun = true;
  settleWxAuthorization(false);
}

/**
 * First-run gate: show the policy before collecting anything. Returns true when the resident
 * still has to consent (and the policy page was opened unless they declined in this run).
 */
function requireConsent(resident) {
  if (!needsConsent(resident)) return false;
  if (!declinedThisRun) openPrivacyPage('consent');
  return true;
}

module.exports = {
  PRIVACY_PAGE_ROUTE,
  AGREE_BUTTON_ID,
  needsConsent,
  installPrivacyHandler,
  hasPendingWxAuthorization,
  settleWxAuthorization,
  acceptPolicy,
  declinePolicy,
  requireConsent,
};
