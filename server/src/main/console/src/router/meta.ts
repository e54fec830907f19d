// What a route says about itself: its title, who may open it, and where it sits in the menu.
import type { StaffRole } from '@/auth/roles';

export interface MenuPlacement {
  /** Menu group title, e.g. 科普内容. */
  group: string;
  /** Order within the console's menu (groups follow their first item). */
  order: number;
}

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Open without logging in (login page). */
    public?: boolean;
    /** Roles that may open the page; absent = every staff role. */
    roles?: StaffRole[];
    /** Shown in the side menu when present (and the caller's role allows). */
    menu?: MenuPlacement;
    /** Full-screen page without the side menu. */
    bare?: boolean;
  }
}

export {};
