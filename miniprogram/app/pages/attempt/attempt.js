const { elderPage } = require('../../behaviors/elder-page');
const auth = require('../../utils/auth');
const toast = require('../../utils/toast');
const { isTransient } = require('../../utils/request');
const { describeError } = require('../../utils/errors');
const quiz = require('../../api/quiz');
const q = require('../../utils/quiz');

// A save that failed (no network) is retried on the next answer, on moving between questions and
// at most this often from the clock tick, so a resident who lost signal loses nothing.
const SAVE_RETRY_INTERVAL_MS = 10000;
const URGENT_MS = 60 * 1000;

function confirm(content) {
  return new Promise((resolve) => {
    wx.showModal({
      title: '确认交卷',
      content,
      confirmText: '交卷',
      cancelText: '继续答题',
      success: (res) => resolve(Boolean(res && res.confirm)),
      fail: () => resolve(false),
    });
  });
}

Page(
  elderPage({
    data: {
      state: 'loading', // loading | answering | result | error
      error: null,
      title: '',
      kind: '',
      quizId: null,
      pos: 0, // which question is on screen (not `index`: that name belongs to wx:for)
      total: 0,
      answeredCount: 0,
      current: null,
      isLast: false,
      showCountdown: false,
      remainingText: '',
      urgent: false,
      timeUp: false, // 关怀模式: the time is over and nothing was submitted for the resident
      saveState: '', // '' | saving | saved | offline
      submitting: false,
      submitNote: '',
      submitError: '',
      result: null,
    },

    onLoad(query) {
      this.attempt = null;
      this.answers = {};
      this.offset = 0;
      this.timer = null;
      this.submitInFlight = false;
      this.saveInFlight = false;
      this.savePending = false;
      this.dirty = false;
      this.lastSaveAt = 0;
      this.query = query || {};
      return this.load();
    },

    onUnload() {
      this.stopTimer();
    },

    async load() {
      const { quizId, attemptId } = this.query;
      try {
        await auth.ensureLogin();
        const view = attemptId
          ? await quiz.attempt(attemptId, { silent: true })
          : await quiz.start(quizId, { silent: true });
        this.show(view);
      } catch (err) {
        // Shown on the page (not only a toast): "今天的每日答题已完成" must stay readable.
        this.setData({ state: 'error', error: describeError(err, { refusedTitle: '现在不能答题' }) });
      }
    },

    onRetryLoad() {
      this.setData({ state: 'loading' });
      this.load();
    },

    show(view) {
      this.attempt = view;
      if (view.title) wx.setNavigationBarTitle({ title: view.title });
      if (view.status !== 'OPEN') {
        this.showResult(view);
        return;
      }
      const local = q.readCachedAnswers(view.id);
      this.answers = q.mergeAnswers(view.savedAnswers, local);
      // The phone's clock may be wrong: remember how far it is from the server's.
      this.offset = q.clockOffset(view.serverNow);
      const questions = view.questions || [];
      const firstOpen = questions.findIndex((item) => !(this.answers[String(item.questionId)] || []).length);
      this.setData({
        state: 'answering',
        title: view.title || '答题',
        kind: view.kind,
        quizId: view.quizId,
        total: questions.length,
        // 关怀模式 daily quizzes and untimed ones come with countdown=false: show no timer at all.
        showCountdown: Boolean(view.countdown && view.deadline),
      });
      this.goTo(firstOpen >= 0 ? firstOpen : 0);
      this.startTimer();
      // Answers kept on the phone but not yet on the server (the network dropped last time).
      const unsynced = Object.keys(local).some(
        (id) => JSON.stringify(local[id]) !== JSON.stringify((view.savedAnswers || {})[id] || []),
      );
      if (unsynced) {
        this.dirty = true;
        this.save();
      }
    },

    startTimer() {
      const view = this.attempt;
      if (this.timer || !view || !view.countdown || !view.deadline || this.data.timeUp) return;
      // Past the deadline after a failed submit: the retry button is the way on, not another auto-submit.
      if (this.submitInFlight === false && this.data.submitError && q.remainingMs(view.deadline, this.offset) <= 0) return;
      this.tick();
      if (this.data.state === 'answering' && !this.submitInFlight && !this.data.timeUp) {
        this.timer = setInterval(() => this.tick(), 1000);
      }
    },

    stopTimer() {
      if (this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    },

    tick() {
      if (!this.attempt) return;
      const left = q.remainingMs(this.attempt.deadline, this.offset);
      // 关怀模式: the time left is shown calmly, never turning red.
      this.setData({ remainingText: q.formatRemaining(left), urgent: !this.data.elder && left <= URGENT_MS });
      if (left <= 0) {
        this.stopTimer();
        if (this.data.elder) {
          this.onTimeUpElder();
          return;
        }
        toast.showError('时间到，正在交卷');
        this.submit(true);
        return;
      }
      if (this.dirty && !this.saveInFlight && Date.now() - this.lastSaveAt >= SAVE_RETRY_INTERVAL_MS) {
        this.save();
      }
    },

    /**
     * 关怀模式 never submits for the resident: the answers are already saved, the page says so and
     * waits (a notice on the page and a dialog that stays until tapped) for them to press 交卷.
     */
    onTimeUpElder() {
      if (this.data.timeUp) return;
      this.setData({ timeUp: true });
      if (this.dirty) this.save();
      wx.showModal({
        title: '答题时间到了',
        content: '您选的答案都已保存。请点“交卷”查看成绩。',
        showCancel: false,
        confirmText: '知道了',
      });
    },

    goTo(index) {
      const questions = (this.attempt && this.attempt.questions) || [];
      if (index < 0 || index >= questions.length) return;
      const question = questions[index];
      this.setData({
        pos: index,
        current: q.decorate(question, this.answers[String(question.questionId)]),
        isLast: index === questions.length - 1,
        answeredCount: this.countAnswered(),
      });
    },

    countAnswered() {
      return Object.keys(this.answers).filter((id) => (this.answers[id] || []).length > 0).length;
    },

    onChoose(e) {
      // After the time is up answers no longer count: keep what was saved rather than pretend.
      if (this.data.state !== 'answering' || this.submitInFlight || this.data.timeUp) return;
      const optionIndex = Number(e.currentTarget.dataset.index);
      const question = this.attempt.questions[this.data.pos];
      const id = String(question.questionId);
      this.answers[id] = q.toggle(question.type, this.answers[id], optionIndex);
      // Phone first, then the server: closing the app or losing signal right now loses nothing.
      q.writeCachedAnswers(this.attempt.id, this.answers);
      this.dirty = true;
      this.setData({
        current: q.decorate(question, this.answers[id]),
        answeredCount: this.countAnswered(),
      });
      this.save();
    },

    onPrev() {
      this.goTo(this.data.pos - 1);
      if (this.dirty) this.save();
    },

    onNext() {
      this.goTo(this.data.pos + 1);
      if (this.dirty) this.save();
    },

    /** PUT all answers so far. One request at a time; changes made meanwhile go in the next one. */
    async save() {
      if (!this.attempt || this.data.state !== 'answering') return;
      if (this.saveInFlight) {
        this.savePending = true;
        return;
      }
      this.saveInFlight = true;
      this.dirty = false;
      this.lastSaveAt = Date.now();
      this.setData({ saveState: 'saving' });
      try {
        await quiz.saveAnswers(this.attempt.id, q.answersBody(this.answers), { silent: true });
        if (this.data.state === 'answering') this.setData({ saveState: 'saved' });
      } catch (err) {
        this.dirty = true;
        if (isTransient(err)) {
          this.setData({ saveState: 'offline' });
        } else if (err.code === 'ATTEMPT_CLOSED') {
          // Deadline passed on the server: it graded what it had; show that.
          this.dirty = false;
          this.savePending = false;
          this.submit(true);
        } else {
          this.setData({ saveState: '' });
          toast.showError(err.detail);
        }
      } finally {
        this.saveInFlight = false;
      }
      if (this.savePending) {
        this.savePending = false;
        this.save();
      }
    },

    onSubmitTap() {
      return this.submit(false);
    },

    onRetrySubmit() {
      return this.submit(true);
    },

    /**
     * Submit once, however often it is tapped: the guard is a plain field set before the first await
     * (setData would be too late for a second tap in the same tick). Network failures are re-sent
     * automatically; the server answers a repeated submit with the same result.
     */
    async submit(skipConfirm) {
      if (this.submitInFlight || !this.attempt || this.data.state === 'result') return;
      this.submitInFlight = true;
      this.setData({ submitting: true, submitError: '', submitNote: '' });
      try {
        const unanswered = this.data.total - this.countAnswered();
        if (!skipConfirm && unanswered > 0) {
          const ok = await confirm(`还有 ${unanswered} 道题没有作答，确定交卷吗？`);
          if (!ok) return;
        }
        this.stopTimer();
        const view = await this.sendSubmit();
        if (view) {
          q.clearCachedAnswers(this.attempt.id);
          this.showResult(view);
        }
      } finally {
        this.submitInFlight = false;
        this.setData({ submitting: false });
      }
      // Still answering (cancelled, or the submit did not get through): keep the clock running.
      if (this.data.state === 'answering') this.startTimer();
    },

    async sendSubmit() {
      const body = q.answersBody(this.answers);
      const delays = q.SUBMIT_RETRY_DELAYS_MS;
      for (let attempt = 0; ; attempt += 1) {
        try {
          // eslint-disable-next-line no-await-in-loop
          return await quiz.submit(this.attempt.id, body, { silent: true });
        } catch (err) {
          if (isTransient(err) && attempt < delays.length) {
            this.setData({ submitNote: `网络不给力，正在重新交卷（第 ${attempt + 1} 次）……` });
            // eslint-disable-next-line no-await-in-loop
            await q.sleep(delays[attempt]);
          } else if (isTransient(err)) {
            this.setData({
              submitNote: '',
              submitError: '网络不给力，交卷没有成功。您的答案已保存在手机上，请检查网络后点“重新交卷”。',
            });
            return null;
          } else {
            this.setData({ submitNote: '', submitError: err.detail });
            toast.showError(err.detail);
            return null;
          }
        }
      }
    },

    showResult(view) {
      this.stopTimer();
      const r = view.result;
      if (!r) {
        this.setData({ state: 'error', error: { kind: 'refused', title: '成绩还没有出来', message: '请稍后再看。', retry: true } });
        return;
      }
      this.setData({
        state: 'result',
        title: view.title || '答题结果',
        kind: view.kind,
        quizId: view.quizId,
        showCountdown: false,
        result: Object.assign({}, r, {
          durationText: q.formatDuration(r.durationMs),
          finishedText: q.formatDateTime(r.finishedAt),
          items: (r.items || []).map((item, i) => Object.assign(q.decorateResult(item), { no: i + 1 })),
        }),
      });
    },

    onOpenCertificate() {
      const no = this.data.result && this.data.result.certificateNo;
      if (no) wx.navigateTo({ url: `/pages/certificate/certificate?verifyNo=${no}` });
    },

    onOpenLeaderboard() {
      wx.navigateTo({
        url: `/pages/leaderboard/leaderboard?quizId=${this.data.quizId}&title=${encodeURIComponent(this.data.title || '')}`,
      });
    },

    onBack() {
      wx.navigateBack({ delta: 1 });
    },
  }),
);
