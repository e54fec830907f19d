import { createRouter, createWebHistory } from 'vue-router';

import { useAuth } from '@/auth/store';
import { decide } from './access';
import { routes } from './routes';

export function createConsoleRouter() {
  const router = createRouter({ history: createWebHistory('/admin/'), routes });
  let restored = false;
  router.beforeEach(async (to) => {
    const auth = useAuth();
    if (!restored && !to.meta.public) {
      restored = true;
      if (!auth.staff) await auth.restore();
    }
    return decide(to, auth.staff);
  });
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · 科普云溪工作人员控制台` : '科普云溪工作人员控制台';
  });
  return router;
}
