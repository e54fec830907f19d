package cn.yunxi.kepu.quiz;

enum QuizKind {
    /** N questions drawn per resident per day; one scored run a day; streaks and capped points. */
    DAILY,
    /** One question at a time with the explanation right after; wrong answers go to the wrong-answer book. */
    PRACTICE,
    /** Staff-run contest: time window, eligibility, paper rules, attempts; best attempt counts. */
    CONTEST,
    /** 基准-format self-test; its pass rate is a participant proxy, never the official literacy rate. */
    SELF_TEST
}
