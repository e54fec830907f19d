// One lesson: a large picture and one or two sentences per step, narration the elder controls (play, pause,
// hear the step again, slower), then the lesson's 1–3 practice questions with the answer explained at once.
const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { describeError } = require('../../utils/errors');
const q = require('../../utils/quiz');
const courses = require('../../api/courses');
const { createNarrator, ignoreMuteSwitch } = require('../../utils/narration');

Page(
  elderPage({
    data: {
      state: 'loading', // loading | step | practice | feedback | done | error
      lesson: null,
      index: 0,
      step: null,
      isLast: false,
      playing: false,
      slow: false,
      audioFailed: false,
      question: null,
      questionNo: 0,
      selected: [],
      feedback: null,
      result: null,
      error: null,
      busy: false,
    },

    onLoad(query) {
      this.lessonId = Number(query && query.id);
      this.answers = [];
      // Elders often keep the iPhone's mute switch on: narration must play anyway.
      ignoreMuteSwitch();
      this.narrator = createNarrator(({ playing, slow, failed }) => this.setData({ playing, slow, audioFailed: failed }));
      return this.load();
    },

    onHide() {
      // the elder left the app (a call, the home button): the sound stops with the page, resumed by a tap
      if (this.narrator) this.narrator.pause();
    },

    onUnload() {
      if (this.narrator) this.narrator.destroy();
      this.narrator = null;
    },

    async load() {
      this.setData({ state: 'loading' });
      try {
        await auth.ensureLogin();
        const lesson = await courses.lesson(this.lessonId, { silent: true });
        this.lesson = lesson;
        wx.setNavigationBarTitle({ title: `第${lesson.position}课 ${lesson.title}` });
        this.setData({ lesson: { id: lesson.id, title: lesson.title, position: lesson.position,
          stepCount: lesson.steps.length, courseTitle: lesson.courseTitle } });
        this.show(Math.min(Math.max(lesson.resumeStep, 1), lesson.steps.length) - 1);
      } catch (err) {
        this.setData({ state: 'error', error: describeError(err, { refusedTitle: '打不开这一课' }) });
      }
    },

    onRetry() {
      return this.load();
    },

    // ---- steps ----

    show(index) {
      const step = this.lesson.steps[index];
      this.narrator.load(step.narrationUrl);
      this.setData({ state: 'step', index, step, isLast: index === this.lesson.steps.length - 1 });
      // Remembered quietly: a lost network here only means resuming one step earlier.
      courses.saveProgress(this.lessonId, index + 1, { silent: true }).catch(() => {});
    },

    onNext() {
      if (this.data.isLast) {
        this.startPractice();
        return;
      }
      this.show(this.data.index + 1);
    },

    onPrev() {
      if (this.data.index > 0) this.show(this.data.index - 1);
    },

    // ---- narration ----

    onPlayPause() {
      this.narrator.toggle();
    },

    /** Hear this step again from its beginning. */
    onReplay() {
      this.narrator.replay();
    },

    onSlower() {
      this.narrator.toggleSlow();
    },

    stopNarration() {
      if (this.narrator) this.narrator.pause();
    },

    // ---- practice ----

    startPractice() {
      this.stopNarration();
      this.answers = [];
      if (!this.lesson.practice.length) {
        this.finish();
        return;
      }
      this.ask(0);
    },

    ask(i) {
      this.question = this.lesson.practice[i];
      this.setData({ state: 'practice', questionNo: i + 1, selected: [], feedback: null,
        question: q.decorate(this.question, []), questionCount: this.lesson.practice.length,
        hasMore: i + 1 < this.lesson.practice.length });
    },

    onChoose(e) {
      if (this.data.state !== 'practice') return;
      const selected = q.toggle(this.question.type, this.data.selected, Number(e.currentTarget.dataset.index));
      this.setData({ selected, question: q.decorate(this.question, selected) });
    },

    async onCheck() {
      if (this.data.busy) return;
      if (!this.data.selected.length) {
        // Stays on screen until the next tap: no vanishing toast.
        this.setData({ hint: '请先点一个答案' });
        return;
      }
      this.setData({ busy: true, hint: '' });
      try {
        const checked = await courses.check(this.lessonId, this.question.id, this.data.selected, { silent: true });
        this.answers.push({ questionId: this.question.id, selected: this.data.selected });
        const view = q.decorateResult(Object.assign({}, this.question, { selected: this.data.selected,
          correctAnswer: checked.correctAnswer }));
        this.setData({ state: 'feedback', feedback: Object.assign({}, checked, { optionViews: view.optionViews,
          correctLetters: view.correctLetters }) });
      } catch (err) {
        this.setData({ hint: describeError(err).message || '没有提交成功，请再点一次' });
      } finally {
        this.setData({ busy: false });
      }
    },

    onAfterFeedback() {
      const next = this.data.questionNo;
      if (next < this.lesson.practice.length) this.ask(next);
      else this.finish();
    },

    async finish() {
      this.setData({ busy: true });
      try {
        const result = await courses.complete(this.lessonId, this.answers, { silent: true });
        this.setData({ state: 'done', result });
      } catch (err) {
        this.setData({ state: 'error', error: describeError(err, { refusedTitle: '没能记下学完' }) });
      } finally {
        this.setData({ busy: false });
      }
    },

    onNextLesson() {
      wx.redirectTo({ url: `/pages/course-lesson/lesson?id=${this.data.result.nextLessonId}` });
    },

    onBackToCourse() {
      wx.navigateBack();
    },
  }),
);
