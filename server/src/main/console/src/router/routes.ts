// Every page of the console. A page declares its title, the roles that may open it and its place in the menu here
// (see router/meta.ts); the guard and the side menu read nothing else.
import type { RouteRecordRaw } from 'vue-router';

import { ALL_ROLES, APPLICATION_REVIEWERS, COURSE_AUTHORS, EMERGENCY_READERS, EVENT_ADMINS, FIGURE_ENTRANTS, QUIZ_AUTHORS, REVIEWERS, STAFF_MANAGERS, TASK_REPORTERS } from '@/auth/roles';
import ConsoleLayout from '@/layout/ConsoleLayout.vue';
import LoginPage from '@/pages/LoginPage.vue';
import './meta';

export const pageRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/pages/plan/DashboardPage.vue'),
    meta: { title: '领导看板', roles: ALL_ROLES, menu: { group: '纲要', order: 10 } },
  },
  {
    path: 'plan/indicators',
    name: 'indicators',
    component: () => import('@/pages/plan/IndicatorListPage.vue'),
    meta: { title: '指标', menu: { group: '纲要', order: 11 } },
  },
  {
    path: 'plan/indicators/:id(\\d+)',
    name: 'indicator',
    component: () => import('@/pages/plan/IndicatorDetailPage.vue'),
    meta: { title: '指标详情' },
  },
  {
    path: 'plan/entries',
    name: 'manual-entries',
    component: () => import('@/pages/plan/ManualEntryListPage.vue'),
    meta: { title: '手工填报', roles: FIGURE_ENTRANTS, menu: { group: '纲要', order: 12 } },
  },
  {
    path: 'plan/entries/:id(\\d+)',
    name: 'manual-entry',
    component: () => import('@/pages/plan/ManualEntryPage.vue'),
    meta: { title: '填报详情' },
  },
  {
    path: 'plan/reports',
    name: 'unit-reports',
    component: () => import('@/pages/plan/UnitReportPage.vue'),
    meta: { title: '季度报送', roles: TASK_REPORTERS, menu: { group: '纲要', order: 13 } },
  },
  {
    path: 'plan/snapshots',
    name: 'snapshots',
    component: () => import('@/pages/plan/SnapshotListPage.vue'),
    meta: { title: '月度报送', menu: { group: '纲要', order: 14 } },
  },
  {
    path: 'plan/plans',
    name: 'plans',
    component: () => import('@/pages/plan/PlanListPage.vue'),
    meta: { title: '规划与任务', menu: { group: '纲要', order: 15 } },
  },
  {
    path: 'plan/plans/new',
    name: 'plan-new',
    component: () => import('@/pages/plan/PlanCreatePage.vue'),
    meta: { title: '新增规划', roles: ['DISTRICT_ADMIN'] },
  },
  {
    path: 'plan/plans/:id(\\d+)',
    name: 'plan',
    component: () => import('@/pages/plan/PlanDetailPage.vue'),
    meta: { title: '规划详情' },
  },
  {
    path: 'contents',
    name: 'contents',
    component: () => import('@/pages/content/ContentListPage.vue'),
    meta: { title: '科普内容', menu: { group: '科普内容', order: 20 } },
  },
  {
    path: 'contents/review',
    name: 'content-review',
    component: () => import('@/pages/content/ContentListPage.vue'),
    props: { fixedStatus: 'IN_REVIEW', title: '待我审核' },
    meta: { title: '待审核', roles: REVIEWERS, menu: { group: '科普内容', order: 21 } },
  },
  {
    path: 'contents/new',
    name: 'content-new',
    component: () => import('@/pages/content/ContentEditPage.vue'),
    meta: { title: '写新内容' },
  },
  {
    path: 'contents/:id(\\d+)',
    name: 'content-edit',
    component: () => import('@/pages/content/ContentEditPage.vue'),
    meta: { title: '内容详情' },
  },
  {
    path: 'comments',
    name: 'comments',
    component: () => import('@/pages/content/CommentQueuePage.vue'),
    meta: { title: '评论审核', roles: REVIEWERS, menu: { group: '科普内容', order: 22 } },
  },
  {
    path: 'courses',
    name: 'courses',
    component: () => import('@/pages/course/CourseListPage.vue'),
    meta: { title: '智慧助老课程', roles: COURSE_AUTHORS, menu: { group: '科普内容', order: 23 } },
  },
  {
    path: 'courses/new',
    name: 'course-new',
    component: () => import('@/pages/course/CourseEditPage.vue'),
    meta: { title: '新建课程', roles: COURSE_AUTHORS },
  },
  {
    path: 'courses/:id(\\d+)',
    name: 'course-edit',
    component: () => import('@/pages/course/CourseEditPage.vue'),
    meta: { title: '课程编辑', roles: COURSE_AUTHORS },
  },
  {
    path: 'quiz/questions',
    name: 'questions',
    component: () => import('@/pages/quiz/QuestionListPage.vue'),
    meta: { title: '题库', menu: { group: '答题', order: 30 } },
  },
  {
    path: 'quiz/questions/import',
    name: 'question-import',
    component: () => import('@/pages/quiz/QuestionImportPage.vue'),
    meta: { title: '导入题目', roles: QUIZ_AUTHORS, menu: { group: '答题', order: 31 } },
  },
  {
    path: 'quiz/quizzes',
    name: 'quizzes',
    component: () => import('@/pages/quiz/QuizListPage.vue'),
    meta: { title: '竞赛与自测', menu: { group: '答题', order: 32 } },
  },
  {
    path: 'quiz/quizzes/new',
    name: 'quiz-new',
    component: () => import('@/pages/quiz/QuizEditPage.vue'),
    meta: { title: '新建竞赛', roles: QUIZ_AUTHORS },
  },
  {
    path: 'quiz/quizzes/:id(\\d+)',
    name: 'quiz-edit',
    component: () => import('@/pages/quiz/QuizEditPage.vue'),
    meta: { title: '竞赛设置' },
  },
  {
    path: 'quiz/quizzes/:id(\\d+)/live',
    name: 'quiz-live',
    component: () => import('@/pages/quiz/QuizLivePage.vue'),
    meta: { title: '竞赛实时情况' },
  },
  {
    path: 'quiz/quizzes/:id(\\d+)/report',
    name: 'self-test-report',
    component: () => import('@/pages/quiz/SelfTestReportPage.vue'),
    meta: { title: '自测报告' },
  },
  {
    path: 'events',
    name: 'events',
    component: () => import('@/pages/event/EventListPage.vue'),
    meta: { title: '活动与培训', menu: { group: '活动', order: 40 } },
  },
  {
    path: 'events/new',
    name: 'event-new',
    component: () => import('@/pages/event/EventEditPage.vue'),
    meta: { title: '新建活动', roles: EVENT_ADMINS, menu: { group: '活动', order: 41 } },
  },
  {
    path: 'events/:id(\\d+)',
    name: 'event-edit',
    component: () => import('@/pages/event/EventEditPage.vue'),
    meta: { title: '活动设置' },
  },
  {
    path: 'events/:id(\\d+)/roster',
    name: 'event-roster',
    component: () => import('@/pages/event/EventRosterPage.vue'),
    meta: { title: '名单与签到' },
  },
  {
    path: 'emergencies',
    name: 'emergencies',
    component: () => import('@/pages/emergency/EmergencyListPage.vue'),
    meta: { title: '应急发布', roles: EMERGENCY_READERS, menu: { group: '应急科普', order: 50 } },
  },
  {
    path: 'emergencies/new',
    name: 'emergency-new',
    component: () => import('@/pages/emergency/EmergencyComposePage.vue'),
    meta: { title: '发布应急通知', roles: ['DISTRICT_ADMIN'] },
  },
  {
    path: 'emergencies/templates',
    name: 'emergency-templates',
    component: () => import('@/pages/emergency/EmergencyTemplatePage.vue'),
    meta: { title: '应急模板', roles: ['DISTRICT_ADMIN'], menu: { group: '应急科普', order: 51 } },
  },
  {
    path: 'people/staff',
    name: 'staff',
    component: () => import('@/pages/people/StaffListPage.vue'),
    meta: { title: '工作人员账号', roles: STAFF_MANAGERS, menu: { group: '人员', order: 60 } },
  },
  {
    path: 'people/volunteers',
    name: 'volunteers',
    component: () => import('@/pages/people/VolunteerListPage.vue'),
    meta: { title: '科技志愿者', roles: APPLICATION_REVIEWERS, menu: { group: '人员', order: 61 } },
  },
  {
    path: 'people/officers',
    name: 'officers',
    component: () => import('@/pages/people/OfficerListPage.vue'),
    meta: { title: '科普信息员', roles: APPLICATION_REVIEWERS, menu: { group: '人员', order: 62 } },
  },
  {
    path: 'people/officers/coverage',
    name: 'officer-coverage',
    component: () => import('@/pages/people/OfficerCoveragePage.vue'),
    meta: { title: '各村覆盖情况', roles: APPLICATION_REVIEWERS, menu: { group: '人员', order: 63 } },
  },
  {
    path: 'people/bases',
    name: 'bases',
    component: () => import('@/pages/people/BaseListPage.vue'),
    meta: { title: '科普基地', menu: { group: '人员', order: 64 } },
  },
  {
    path: 'regions',
    name: 'regions',
    component: () => import('@/pages/region/RegionPage.vue'),
    meta: { title: '区划与人口', menu: { group: '基础数据', order: 90 } },
  },
];

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { title: '登录', public: true, bare: true } },
  {
    // Full screen for a projector: outside the console's frame.
    path: '/events/:id(\\d+)/venue',
    name: 'event-venue',
    component: () => import('@/pages/event/EventVenuePage.vue'),
    meta: { title: '现场签到大屏', bare: true },
  },
  {
    path: '/',
    component: ConsoleLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { title: '首页' } },
      {
        path: 'password',
        name: 'change-password',
        component: () => import('@/pages/ChangePasswordPage.vue'),
        meta: { title: '修改密码' },
      },
      {
        // The current page again, mounted afresh (a second click on its menu item).
        path: 'reload',
        name: 'reload',
        component: () => import('@/pages/ReloadPage.vue'),
        meta: { title: '正在刷新' },
      },
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/pages/ForbiddenPage.vue'),
        meta: { title: '无权访问' },
      },
      ...pageRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/pages/NotFoundPage.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
];
