const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { describeError } = require('../../utils/errors');
const courses = require('../../api/courses');

Page(
  elderPage({
    data: { state: 'loading', course: null, error: null, resumeTitle: '' },

    onLoad(query) {
      this.courseId = Number(query && query.id);
      return this.load();
    },

    // Coming back from a lesson: show what was just finished.
    onShow() {
      if (this.loaded) this.load();
    },

    async load() {
      if (!this.loaded) this.setData({ state: 'loading' });
      try {
        await auth.ensureLogin();
        const course = await courses.course(this.courseId, { silent: true });
        this.loaded = true;
        const resume = course.lessons.find((l) => l.id === course.resumeLessonId);
        wx.setNavigationBarTitle({ title: course.title });
        this.setData({
          state: 'ready',
          course,
          resumeTitle: resume ? `第${resume.position}课 ${resume.title}` : '',
          started: course.lessonsDone > 0 || course.lessons.some((l) => l.resumeStep),
        });
      } catch (err) {
        this.setData({ state: 'error', error: describeError(err, { refusedTitle: '打不开这门课程' }) });
      }
    },

    onRetry() {
      return this.load();
    },

    onResume() {
      const id = this.data.course.resumeLessonId || this.data.course.lessons[0].id;
      wx.navigateTo({ url: `/pages/course-lesson/lesson?id=${id}` });
    },

    onOpenLesson(e) {
      wx.navigateTo({ url: `/pages/course-lesson/lesson?id=${e.currentTarget.dataset.id}` });
    },
  }),
);
