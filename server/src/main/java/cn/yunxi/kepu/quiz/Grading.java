package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.yunxi.kepu.common.web.ApiException;

/** Validation and grading of answers against a paper. Pure functions: no clock, no database. */
final class Grading {

    private Grading() {
    }

    /** Per-question outcome; {@code selected} is empty when unanswered. */
    record ItemResult(long questionId, List<Integer> selected, boolean correct) {
    }

    record Result(List<ItemResult> items, int correctCount) {
    }

    /**
     * Checks answers against the paper: every question must be on it, indexes in range and distinct, one
     * index for single-choice and true/false. Returns them as questionId → sorted indexes.
     *
     * <p>A selection is handled as a bit set of shown positions (a question has at most
     * {@value QuestionRules#MAX_OPTIONS} options): every submission is validated and graded inside the batch's
     * transaction, where hash sets and sorted streams per answer showed up in the profile.
     */
    static Map<Long, List<Integer>> validate(List<PaperItem> paper, Map<Long, List<Integer>> answers) {
        Map<Long, PaperItem> byId = new HashMap<>();
        paper.forEach(item -> byId.put(item.questionId(), item));
        Map<Long, List<Integer>> clean = new HashMap<>();
        for (Map.Entry<Long, List<Integer>> answer : answers.entrySet()) {
            PaperItem item = byId.get(answer.getKey());
            if (item == null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "第 " + answer.getKey() + " 号题不在本次试卷中");
            }
            List<Integer> selected = answer.getValue() == null ? List.of() : answer.getValue();
            long chosen = 0;
            for (Integer index : selected) {
                if (index == null || index < 0 || index >= item.options().size()) {
                    throw new ApiException(QuizErrors.ANSWER_INVALID, "选项超出范围：" + item.stem());
                }
                long bit = bit(index);
                if ((chosen & bit) != 0) {
                    throw new ApiException(QuizErrors.ANSWER_INVALID, "同一选项重复选择：" + item.stem());
                }
                chosen |= bit;
            }
            if (item.type() != QuestionType.MULTIPLE && Long.bitCount(chosen) > 1) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, item.type().label() + "题只能选一个答案：" + item.stem());
            }
            clean.put(item.questionId(), indexes(chosen));
        }
        return clean;
    }

    /** All-or-nothing per question: the selected set must equal the correct set. */
    static Result grade(List<PaperItem> paper, Map<Long, List<Integer>> answers) {
        List<ItemResult> items = new ArrayList<>(paper.size());
        int correct = 0;
        for (PaperItem item : paper) {
            List<Integer> selected = answers.getOrDefault(item.questionId(), List.of());
            boolean right = !selected.isEmpty() && bits(selected) == bits(item.correct());
            if (right) {
                correct++;
            }
            items.add(new ItemResult(item.questionId(), selected, right));
        }
        return new Result(items, correct);
    }

    private static long bit(int index) {
        if (index >= Long.SIZE) {
            throw new IllegalStateException("option index " + index + " beyond what a selection can hold");
        }
        return 1L << index;
    }

    private static long bits(List<Integer> indexes) {
        long bits = 0;
        for (Integer index : indexes) {
            bits |= bit(index);
        }
        return bits;
    }

    private static List<Integer> indexes(long bits) {
        Integer[] indexes = new Integer[Long.bitCount(bits)];
        for (int i = 0; bits != 0; i++) {
            indexes[i] = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
        }
        return List.of(indexes);
    }
}
