package cn.yunxi.kepu.quiz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.yunxi.kepu.common.web.ApiException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Answers by question: {@code selected} are indexes into the options as this attempt showed them. The list itself is
 * checked by Bean Validation; each answer is checked here, with the rest of what makes an answer invalid (a question
 * answered twice, and in {@link Grading#validate} unknown questions and options out of range), instead of by a
 * cascaded validation of every element, which cost more than grading the attempt.
 */
record AnswersRequest(@NotNull(message = "请提交答案") @Size(max = 200, message = "答案过多") List<Answer> answers) {

    static final int MAX_SELECTED = 10;

    record Answer(Long questionId, List<Integer> selected) {
    }

    Map<Long, List<Integer>> asMap() {
        Map<Long, List<Integer>> map = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (answer == null || answer.questionId() == null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "缺少题目编号");
            }
            if (answer.selected() == null || answer.selected().stream().anyMatch(Objects::isNull)) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "缺少所选选项");
            }
            if (answer.selected().size() > MAX_SELECTED) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "所选选项过多");
            }
            if (map.put(answer.questionId(), answer.selected()) != null) {
                throw new ApiException(QuizErrors.ANSWER_INVALID, "同一道题提交了两次答案");
            }
        }
        return map;
    }
}
