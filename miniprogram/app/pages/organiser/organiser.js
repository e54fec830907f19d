// 组织者: bind this WeChat to a staff account (username + password, once), see the events the account
// may run, and open their venue code, ticket scanning and roster. The server decides every permission;
// this page only shows what it was given.

const { elderPage } = require('../../behaviors/elder-page');
const { loadable } = require('../../utils/page-load');
const organiser = require('../../api/organiser');
const organiserBinding = require('../../utils/organiser-binding');

function eventView(e) {
  return Object.assign({}, e, { whenText: String(e.startsAt || '').replace('T', ' ').slice(0, 16) });
}

Page(
  elderPage({
    ...loadable({
      async fetch() {
        let account;
        try {
          account = await organiser.binding({ silent: true });
        } catch (err) {
          if (err.status === 403) {
            organiserBinding.remember(false);
            return { state: 'unbound', account: null, events: [] };
          }
          throw err;
        }
        organiserBinding.remember(true);
        const page = await organiser.events({ page: 1, size: 50 });
        return { account, events: (page.items || []).map(eventView) };
      },
    }),

    data: {
      state: 'loading', // loading | unbound | ready | error
      error: null,
      account: null,
      events: [],
      username: '',
      password: '',
      formError: '',
      binding: false,
    },

    onLoad() {
      return this.load();
    },

    onUsernameInput(e) {
      this.setData({ username: e.detail.value, formError: '' });
    },

    onPasswordInput(e) {
      this.setData({ password: e.detail.value, formError: '' });
    },

    async onBind() {
      const username = this.data.username.trim();
      if (!username || !this.data.password) {
        this.setData({ formError: '请输入工作人员账号的用户名和密码' });
        return;
      }
      this.setData({ binding: true, formError: '' });
      try {
        await organiser.bind(username, this.data.password, { silent: true });
        // the password is not kept on the phone a moment longer than needed
        this.setData({ password: '', binding: false });
        await this.load();
      } catch (err) {
        this.setData({ binding: false, password: '', formError: err.detail || '绑定失败，请稍后重试' });
      }
    },

    onUnbind() {
      wx.showModal({
        title: '解除绑定',
        content: '解除后本微信不能再进行签到核验，确定吗？',
        success: async (res) => {
          if (!res.confirm) return;
          await organiser.unbind();
          // 我的 no longer shows the 组织者 entry
          organiserBinding.remember(false);
          this.setData({ state: 'unbound', account: null, events: [] });
        },
      });
    },

    onOpen(e) {
      const { id, page } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/pages/${page}/${page}?id=${id}` });
    },
  }),
);
