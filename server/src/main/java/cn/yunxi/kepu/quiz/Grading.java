package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
            Set<Integer> distinct = new HashSet<>();
            for (Integer index : selected) {
                if (index == null || index < 0 || index >= item.options().size()) {
                    throw new ApiException(QuizErrors.ANSWER_INVALID, "选项超出范围：" + item.stem());
                }
                if (!distinct.add(index)) {
                    throw new ApiException(QuizErrors.ANSWER_INVALID, "同一选项重复选择：" + item.stem());
                }
            }
            if (item.type() != QuestionType.MULTIPLE && distinct.size() > 1) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, item.type().label() + "题只能选一个答案：" + item.stem());
            }
            clean.put(item.questionId(), distinct.stream().sorted().toList());
        }
        return clean;
    }

    /** All-or-nothing per question: the selected set must equal the correct set. */
    static Result grade(List<PaperItem> paper, Map<Long, List<Integer>> answers) {
        List<ItemResult> items = new ArrayList<>(paper.size());
        int correct = 0;
        for (PaperItem item : paper) {
            List<Integer> selected = answers.getOrDefault(item.questionId(), List.of());
            boolean right = !selected.isEmpty() && Set.copyOf(selected).equals(Set.copyOf(item.correct()));
            if (right) {
                correct++;
            }
            items.add(new ItemResult(item.questionId(), selected, right));
        }
        return new Result(items, correct);
    }
}
