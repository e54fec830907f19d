import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';

import type { StaffView } from '@/auth/roles';
import { decide, landingPath, menuClick, menuFor, reloadTarget } from './access';
import { routes } from './routes';

function staff(role: StaffView['role'], extra: Partial<StaffView> = {}): StaffView {
  return { id: 1, username: 'u', displayName: '张三', role, roleLabel: '', mustChangePassword: false, ...extra } as StaffView;
}

const sample: RouteRecordRaw[] = [
  { path: '/', component: {}, children: [
    { path: 'dashboard', component: {}, meta: { title: '看板', menu: { group: '纲要', order: 10 } } },
    { path: 'contents', component: {}, meta: { title: '内容', menu: { group: '科普内容', order: 20 } } },
    { path: 'contents/review', component: {}, meta: { title: '待审核', roles: ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN'], menu: { group: '科普内容', order: 21 } } },
    { path: 'contents/:id', component: {}, meta: { title: '编辑' } },
  ] },
];

describe('menuFor', () => {
  it('groups the pages a role may open, in order', () => {
    expect(menuFor(sample, staff('DISTRICT_ADMIN'))).toEqual([
      { title: '纲要', items: [{ path: '/dashboard', title: '看板' }] },
      { title: '科普内容', items: [{ path: '/contents', title: '内容' }, { path: '/contents/review', title: '待审核' }] },
    ]);
  });

  it('leaves out what the role may not open', () => {
    const organiser = menuFor(sample, staff('ORGANISER')).flatMap((g) => g.items.map((i) => i.path));
    expect(organiser).toEqual(['/dashboard', '/contents']);
  });

  it('offers every staff role at least one page of the real console', () => {
    for (const role of ['DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER'] as const) {
      expect(menuFor(routes, staff(role)).length, role).toBeGreaterThan(0);
    }
  });
});

describe('decide', () => {
  const page = (meta = {}, name = 'x') => ({ name, fullPath: '/contents/5', meta });

  it('sends the logged-out to the login page and back afterwards', () => {
    expect(decide(page(), null)).toEqual({ name: 'login', query: { redirect: '/contents/5' } });
  });

  it('lets the public pages through', () => {
    expect(decide(page({ public: true }), null)).toBe(true);
  });

  it('holds everyone with a password someone else chose on the change-password page', () => {
    const newcomer = staff('UNIT_ADMIN', { mustChangePassword: true });
    expect(decide(page(), newcomer)).toEqual({ name: 'change-password', query: { redirect: '/contents/5' } });
    expect(decide(page({}, 'change-password'), newcomer)).toBe(true);
  });

  it('refuses a page the role may not open', () => {
    expect(decide(page({ roles: ['DISTRICT_ADMIN'] }), staff('TOWN_ADMIN')))
      .toEqual({ name: 'forbidden', query: { from: '/contents/5' } });
    expect(decide(page({ roles: ['DISTRICT_ADMIN'] }), staff('DISTRICT_ADMIN'))).toBe(true);
  });
});

describe('landingPath', () => {
  const menu = [{ title: 'g', items: [{ path: '/dashboard', title: '看板' }] }];

  it('returns where the person was sent from', () => {
    expect(landingPath('/contents/5', menu)).toBe('/contents/5');
  });

  it('never leaves the console or loops back to login', () => {
    expect(landingPath('//evil.example/x', menu)).toBe('/dashboard');
    expect(landingPath('https://evil.example', menu)).toBe('/dashboard');
    expect(landingPath('/login?redirect=/x', menu)).toBe('/dashboard');
    expect(landingPath(undefined, menu)).toBe('/dashboard');
  });
});

describe('menuClick', () => {
  it('reloads the page when its own menu item is clicked again, keeping its filters', () => {
    expect(menuClick('/contents', '/contents', '/contents?status=DRAFT&page=2'))
      .toEqual({ name: 'reload', query: { to: '/contents?status=DRAFT&page=2' } });
    expect(menuClick('/courses', '/courses/', '/courses/')).toEqual({ name: 'reload', query: { to: '/courses/' } });
  });

  it('goes to the list from a page under it and to any other item', () => {
    expect(menuClick('/courses', '/courses/12', '/courses/12')).toBe('/courses');
    expect(menuClick('/contents', '/contents/review', '/contents/review')).toBe('/contents');
    expect(menuClick('/events', '/contents', '/contents')).toBe('/events');
  });

  it('the reload route only goes back inside the console', () => {
    expect(reloadTarget('/people/staff?role=UNIT_ADMIN')).toBe('/people/staff?role=UNIT_ADMIN');
    expect(reloadTarget('//evil.example')).toBe('/');
    expect(reloadTarget('https://evil.example')).toBe('/');
    expect(reloadTarget('/reload?to=/x')).toBe('/');
    expect(reloadTarget(undefined)).toBe('/');
  });
});
