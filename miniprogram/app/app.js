const { ensureLogin } = require('./utils/auth');
const { installPrivacyHandler } = require('./utils/privacy');
const emergency = require('./utils/emergency');

App({
  onLaunch() {
    installPrivacyHandler();
    // Start logging in right away so the first page usually finds a session ready; pages still
    // call ensureLogin() themselves (it shares this attempt) and show their own error state.
    ensureLogin().catch(() => {
      // Pages report the failure; nothing to do here (an unhandled rejection would only add noise).
    });
  },

  onShow() {
    // Coming to the foreground (a subscribe message tapped, the app reopened): emergencies of the resident's place
    // are fetched again, so the banner is on every page until read.
    emergency.start();
  },
});
