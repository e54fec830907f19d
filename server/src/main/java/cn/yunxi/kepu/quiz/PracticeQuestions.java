package cn.yunxi.kepu.quiz;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;

/**
 * Questions of the practice pool for other features (a course lesson's practice). Only the practice pool: its
 * answers are shown right after answering anyway, so nothing a paper can hold is ever revealed this way.
 */
@Component
public class PracticeQuestions {

    private final QuestionBankService bank;
    private final QuestionMapper questions;

    PracticeQuestions(QuestionBankService bank, QuestionMapper questions) {
        this.bank = bank;
        this.questions = questions;
    }

    /** A question as a resident sees it, without its answer. {@code type} is SINGLE, MULTIPLE or TRUE_FALSE. */
    public record Shown(long id, String type, String typeLabel, String stem, List<String> options) {
    }

    /** The result of one answer: right or not, the right option indexes and the explanation. */
    public record Checked(long questionId, boolean correct, List<Integer> correctAnswer, String explanation) {
    }

    /** The question when it is an active practice question residents may meet; empty otherwise. */
    public Optional<Shown> find(long questionId) {
        Question q = questions.practicable(questionId);
        if (q == null || !bank.shown(q)) {
            return Optional.empty();
        }
        QuestionType type = QuestionType.valueOf(q.getType());
        return Optional.of(new Shown(q.getId(), type.name(), type.label(), q.getStem(), bank.options(q)));
    }

    /** Grades one answer; a question that is not (or no longer) a practice question is "not found". */
    public Checked check(long questionId, List<Integer> selected) {
        Question q = questions.practicable(questionId);
        if (q == null || !bank.shown(q)) {
            throw new ApiException(QuizErrors.QUESTION_NOT_FOUND);
        }
        PaperItem item = new PaperItem(q.getId(), QuestionType.valueOf(q.getType()), q.getStem(), bank.options(q),
                QuestionBankService.answer(q), q.getExplanation(), q.getBenchmarkNo(), q.getDifficulty());
        Map<Long, List<Integer>> clean = Grading.validate(List.of(item), Map.of(questionId,
                selected == null ? List.of() : selected));
        boolean correct = Grading.grade(List.of(item), clean).correctCount() == 1;
        return new Checked(questionId, correct, item.correct(), q.getExplanation());
    }
}
