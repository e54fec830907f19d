package cn.yunxi.kepu.quiz;

/**
 * Which side of the bank a question is on. Practice reveals the answer right after each question, so the two
 * pools never overlap: nothing practice can grade is ever on a paper.
 */
enum QuestionPool {
    /** Drawn and graded one by one in practice; never on a paper. */
    PRACTICE,
    /** On papers only: the daily quiz, contests and the self-test. */
    EXAM
}
