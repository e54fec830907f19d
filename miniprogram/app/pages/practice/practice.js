const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const toast = require('../../utils/toast');
const { describeError } = require('../../utils/errors');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

// How many right answers in a row take a question out of the 错题本 (server rule).
const RIGHT_STREAK_TO_CLEAR = 2;

Page(
  elderPage({
    data: {
      state: 'loading', // loading | question | feedback | empty | error
      source: 'RANDOM',
      errorText: '',
      error: null,
      question: null,
      selected: [],
      feedback: null,
      answering: false,
      answeredCount: 0,
      rightCount: 0,
    },

    onLoad(query) {
      const source = query && query.source === 'WRONG_BOOK' ? 'WRONG_BOOK' : 'RANDOM';
      this.answerInFlight = false;
      this.setData({ source });
      wx.setNavigationBarTitle({ title: source === 'WRONG_BOOK' ? '错题练习' : '练习' });
      return this.next();
    },

    async next() {
      this.setData({ state: 'loading', feedback: null, selected: [] });
      try {
        await auth.ensureLogin();
        const question = await quiz.practiceNext(this.data.source, { silent: true });
        this.question = question;
        this.setData({ state: 'question', question: q.decorate(question, []) });
      } catch (err) {
        if (err.code === 'WRONG_BOOK_EMPTY') {
          // Not a failure: the server's own words ("错题本是空的，继续保持！") are the message.
          this.setData({ state: 'empty', errorText: err.detail });
        } else {
          this.setData({ state: 'error', error: describeError(err, { refusedTitle: '现在不能练习' }) });
        }
      }
    },

    onChoose(e) {
      if (this.data.state !== 'question' || this.answerInFlight) return;
      const index = Number(e.currentTarget.dataset.index);
      const selected = q.toggle(this.question.type, this.data.selected, index);
      this.setData({ selected, question: q.decorate(this.question, selected) });
    },

    async onAnswer() {
      if (this.answerInFlight || this.data.state !== 'question') return;
      if (!this.data.selected.length) {
        toast.showError('请先选择答案');
        return;
      }
      this.answerInFlight = true;
      this.setData({ answering: true });
      try {
        const feedback = await quiz.practiceAnswer(this.question.questionId, this.data.selected);
        const view = q.decorateResult(
          Object.assign({}, this.question, {
            selected: this.data.selected,
            correctAnswer: feedback.correctAnswer,
          }),
        );
        const left = Math.max(0, RIGHT_STREAK_TO_CLEAR - (feedback.rightStreak || 0));
        this.setData({
          state: 'feedback',
          feedback: Object.assign({}, feedback, {
            optionViews: view.optionViews,
            correctLetters: view.correctLetters,
            selectedLetters: view.selectedLetters,
            bookText: feedback.inWrongBook
              ? `已在错题本中，再连续答对 ${left} 次即可移出`
              : this.question.inWrongBook
                ? '已从错题本移出'
                : '',
          }),
          answeredCount: this.data.answeredCount + 1,
          rightCount: this.data.rightCount + (feedback.correct ? 1 : 0),
        });
      } catch (err) {
        // request() has shown the server's detail; the resident may tap 提交 again.
      } finally {
        this.answerInFlight = false;
        this.setData({ answering: false });
      }
    },

    onNext() {
      this.next();
    },

    onRetry() {
      this.next();
    },

    onOpenWrongBook() {
      wx.navigateTo({ url: '/pages/wrong-book/wrong-book' });
    },

    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  }),
);
