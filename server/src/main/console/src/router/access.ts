// Route access and the side menu, both derived from the routes' meta so a page is declared once.
import type { RouteLocationRaw, RouteRecordRaw, RouteMeta } from 'vue-router';

import { hasRole, type StaffView } from '@/auth/roles';

export interface MenuItem {
  path: string;
  title: string;
}

export interface MenuGroup {
  title: string;
  items: MenuItem[];
}

/** Where the guard sends a navigation to `target` (true: let it through). */
export function decide(
  target: { name?: unknown; fullPath: string; meta: RouteMeta },
  staff: StaffView | null,
): true | RouteLocationRaw {
  if (target.meta.public) return true;
  if (!staff) return { name: 'login', query: { redirect: target.fullPath } };
  if (staff.mustChangePassword && target.name !== 'change-password') {
    return { name: 'change-password', query: { redirect: target.fullPath } };
  }
  if (!hasRole(staff, target.meta.roles)) return { name: 'forbidden', query: { from: target.fullPath } };
  return true;
}

/** The menu the caller sees: the routes with a menu placement that their role may open, grouped and ordered. */
export function menuFor(routes: readonly RouteRecordRaw[], staff: StaffView | null): MenuGroup[] {
  const entries: { path: string; meta: RouteMeta }[] = [];
  const walk = (list: readonly RouteRecordRaw[], prefix: string) => {
    for (const route of list) {
      const path = route.path.startsWith('/') ? route.path : `${prefix.replace(/\/$/, '')}/${route.path}`;
      if (route.meta?.menu && hasRole(staff, route.meta.roles)) entries.push({ path, meta: route.meta });
      if (route.children) walk(route.children, path);
    }
  };
  walk(routes, '');
  entries.sort((a, b) => a.meta.menu!.order - b.meta.menu!.order);
  const groups: MenuGroup[] = [];
  for (const { path, meta } of entries) {
    let group = groups.find((g) => g.title === meta.menu!.group);
    if (!group) {
      group = { title: meta.menu!.group, items: [] };
      groups.push(group);
    }
    group.items.push({ path, title: meta.title ?? path });
  }
  return groups;
}

/** Where to go after logging in: back where the person was sent from, or the first page of their menu. */
export function landingPath(redirect: unknown, menu: MenuGroup[]): string {
  if (typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//')
    && !redirect.startsWith('/login')) {
    return redirect;
  }
  return menu[0]?.items[0]?.path ?? '/';
}

/**
 * What a click on the side menu's item does: open its page, or — when that very page is open — load it afresh
 * (through the reload route, so unsaved-change guards still ask and the page's list is fetched again). A page
 * under the item (an editor opened from the list) counts as elsewhere: the click goes back to the list.
 */
export function menuClick(itemPath: string, currentPath: string, currentFullPath: string): RouteLocationRaw {
  const here = currentPath.replace(/\/$/, '') === itemPath.replace(/\/$/, '');
  return here ? { name: 'reload', query: { to: currentFullPath } } : itemPath;
}

/** Where the reload route goes back to: only a path inside the console. */
export function reloadTarget(to: unknown): string {
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/reload') ? to : '/';
}
