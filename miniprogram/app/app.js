const { ensureLogin } = require('./utils/auth');
const { installPrivacyHandler } = require('./utils/privacy');

App({
  onLaunch() {
    installPrivacyHandler();
    // Start logging in right away so the first page usually finds a session ready; pages still
    // call ensureLogin() themselves (it shares this attempt) and show their own error state.
    ensureLogin().catch(() => {
      // Pages report the failure; nothing to do here (an unhandled rejection would only add noise).
    });
  },
});
