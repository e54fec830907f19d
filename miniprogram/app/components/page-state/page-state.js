// Loading, error and empty states of a page, drawn the same way everywhere with TDesign's loading,
// result and empty components. The error comes from utils/errors.js describeError(): it says whether the
// phone is offline, the server refused or failed, or the thing is gone, and whether 重试 can help.
//
// Sizes and colours come from CSS variables (--kp-*) that app.wxss sets on .page and .page-elder, so
// 关怀模式 applies without a property and one place changes them all.

Component({
  options: { multipleSlots: true },

  properties: {
    /** loading | error | empty | consent (the privacy policy must be accepted first) */
    state: { type: String, value: 'loading' },
    /** {kind, title, message, retry} from describeError() */
    error: { type: Object, value: null },
    loadingText: { type: String, value: '正在加载……' },
    emptyTitle: { type: String, value: '' },
    emptyText: { type: String, value: '暂时没有内容' },
    /** Why this page needs the policy accepted, for state 'consent'. */
    consentText: { type: String, value: '请先阅读并同意《隐私政策》。' },
  },

  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },

    onPrivacy() {
      this.triggerEvent('privacy');
    },
  },
});
