package cn.yunxi.kepu.quiz;

import java.util.List;

/**
 * One question as it was shown in an attempt: options in the shown (shuffled) order and the correct answer as
 * indexes into that order. Kept in the attempt, so later edits of the question change nothing.
 */
record PaperItem(long questionId, QuestionType type, String stem, List<String> options, List<Integer> correct,
                 String explanation, Integer benchmarkNo, int difficulty) {
}
