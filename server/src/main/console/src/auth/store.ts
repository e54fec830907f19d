// Who is logged in. The tokens themselves live in the session (api/session.ts); this store holds the account.
import { defineStore } from 'pinia';

import { api, publicApi, session, unwrap } from '@/api/client';
import type { TokenPair } from '@/api/session';
import type { StaffView } from './roles';

export const useAuth = defineStore('auth', {
  state: () => ({
    staff: null as StaffView | null,
  }),
  getters: {
    loggedIn: (state) => state.staff !== null,
  },
  actions: {
    async login(username: string, password: string): Promise<StaffView> {
      const answer = await unwrap(publicApi.POST('/api/admin/v1/auth/login', { body: { username, password } }));
      session.start(answer as TokenPair);
      this.staff = answer.staff as StaffView;
      return this.staff;
    },

    /** After a reload: the account behind the stored tokens, or nobody. */
    async restore(): Promise<StaffView | null> {
      if (!session.current()) {
        this.staff = null;
        return null;
      }
      try {
        this.staff = (await unwrap(api.GET('/api/admin/v1/me'))) as StaffView;
      } catch {
        this.staff = null;
      }
      return this.staff;
    },

    /**
     * Changing the password ends every login of the account, this one too, so the person is logged straight in
     * again with the new password.
     */
    async changePassword(oldPassword: string, newPassword: string): Promise<StaffView> {
      const username = this.staff?.username;
      await unwrap(api.POST('/api/admin/v1/me/password', { body: { oldPassword, newPassword } }));
      session.clear();
      this.staff = null;
      if (!username) throw new Error('未登录');
      return this.login(username, newPassword);
    },

    async logout(): Promise<void> {
      const current = session.current();
      session.clear();
      this.staff = null;
      if (current) {
        // Best effort: the tokens are gone from this browser either way.
        await publicApi.POST('/api/admin/v1/auth/logout', { body: { refreshToken: current.refreshToken } })
          .catch(() => undefined);
      }
    },

    /** Another tab logged out or in as someone else. */
    forget(): void {
      this.staff = null;
    },
  },
});
