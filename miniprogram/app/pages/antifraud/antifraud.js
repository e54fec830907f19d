// 防诈骗专区: the anti-fraud courses, a scenario quiz (“这条短信可信吗？”) and a one-tap call to 96110.
const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const { describeError } = require('../../utils/errors');
const q = require('../../utils/quiz');
const courses = require('../../api/courses');

Page(
  elderPage({
    data: {
      line: courses.ANTI_FRAUD_LINE,
      coursesState: 'loading',
      items: [],
      quizState: 'idle', // idle | loading | question | feedback | empty | error
      question: null,
      selected: [],
      feedback: null,
      hint: '',
      error: null,
    },

    onLoad() {
      return this.loadCourses();
    },

    async loadCourses() {
      try {
        await auth.ensureLogin();
        const items = await courses.list('ANTI_FRAUD', { silent: true });
        this.setData({ coursesState: items.length ? 'list' : 'empty', items });
      } catch (err) {
        this.setData({ coursesState: 'error', error: describeError(err, { refusedTitle: '现在打不开课程' }) });
      }
    },

    onCall() {
      wx.makePhoneCall({ phoneNumber: courses.ANTI_FRAUD_LINE, fail() {} });
    },

    // A scenario answered wrong is kept in the 错题本 like any practice question: its stem carries the whole message,
    // so it reads the same there.
    onOpenWrongBook() {
      wx.navigateTo({ url: '/pages/wrong-book/wrong-book' });
    },

    onOpenCourse(e) {
      wx.navigateTo({ url: `/pages/course/course?id=${e.currentTarget.dataset.id}` });
    },

    async onStartQuiz() {
      this.setData({ quizState: 'loading', feedback: null, selected: [], hint: '' });
      try {
        await auth.ensureLogin();
        const question = await courses.scenario({ silent: true });
        this.question = question;
        this.setData({ quizState: 'question', question: q.decorate(question, []) });
      } catch (err) {
        if (err.code === 'QUIZ_NO_QUESTIONS') this.setData({ quizState: 'empty' });
        else this.setData({ quizState: 'error', hint: describeError(err).message });
      }
    },

    onChoose(e) {
      if (this.data.quizState !== 'question') return;
      const selected = q.toggle(this.question.type, this.data.selected, Number(e.currentTarget.dataset.index));
      this.setData({ selected, question: q.decorate(this.question, selected), hint: '' });
    },

    async onAnswer() {
      if (!this.data.selected.length) {
        this.setData({ hint: '请先点一个答案' });
        return;
      }
      try {
        const feedback = await courses.answerScenario(this.question.questionId, this.data.selected, { silent: true });
        const view = q.decorateResult(Object.assign({}, this.question, { selected: this.data.selected,
          correctAnswer: feedback.correctAnswer }));
        this.setData({ quizState: 'feedback', feedback: Object.assign({}, feedback, { correctLetters: view.correctLetters,
          correctText: feedback.correctAnswer.map((i) => this.question.options[i]).join('、') }) });
      } catch (err) {
        this.setData({ hint: describeError(err).message || '没有提交成功，请再点一次' });
      }
    },
  }),
);
