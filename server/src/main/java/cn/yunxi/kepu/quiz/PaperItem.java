package cn.yunxi.kepu.quiz;

import java.util.Arrays;
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
        String[] shown = new String[order.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = options.get(order.get(i));
        }
        Integer[] shownCorrect = new Integer[correct.size()];
        for (int i = 0; i < shownCorrect.length; i++) {
            shownCorrect[i] = order.indexOf(correct.get(i));
        }
        Arrays.sort(shownCorrect);
        return new PaperItem(questionId, type, stem, List.of(shown), List.of(shownCorrect), explanation, benchmarkNo,
                difficulty);
    }
}
