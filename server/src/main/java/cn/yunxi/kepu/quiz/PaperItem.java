package cn.yunxi.kepu.quiz;

import java.util.List;

/**
 * One question as it was shown in an attempt: options in the shown (shuffled) order and the correct answer as
 * indexes into that order. Kept in the attempt, so later edits of the question change nothing.
 */
record PaperItem(long questionId, QuestionType type, String stem, List<String> options, List<Integer> correct,
                 String explanation, Integer benchmarkNo, int difficulty) {

    /**
     * This question with its options shown in {@code order} ({@code order.get(i)} is the bank index of the option
     * shown at position i), the correct answer given as shown positions.
     */
    PaperItem inOrder(List<Integer> order) {
        List<String> shown = order.stream().map(options::get).toList();
        List<Integer> shownCorrect = correct.stream().map(order::indexOf).sorted().toList();
        return new PaperItem(questionId, type, stem, shown, shownCorrect, explanation, benchmarkNo, difficulty);
    }
}
