package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;

/**
 * Practice: one question at a time from the practice pool, the explanation right after answering. A wrong answer
 * puts the question in the resident's 错题本; it leaves after two right answers in a row.
 */
@Service
class PracticeService {

    private final QuestionBankService bank;
    private final QuestionMapper questions;
    private final QuizStateMapper state;
    private final Clock clock;

    PracticeService(QuestionBankService bank, QuestionMapper questions, QuizStateMapper state, Clock clock) {
        this.bank = bank;
        this.questions = questions;
        this.state = state;
        this.clock = clock;
    }

    enum Source { RANDOM, WRONG_BOOK }

    record PracticeQuestion(long questionId, QuestionType type, String typeLabel, String stem, List<String> options,
                            Integer benchmarkNo, boolean inWrongBook) {
    }

    record Feedback(long questionId, boolean correct, List<Integer> correctAnswer, String explanation,
                    boolean inWrongBook, int rightStreak) {
    }

    record WrongBookItem(long questionId, String stem, QuestionType type, int wrongCount, int rightStreak,
                         OffsetDateTime lastWrongAt) {
    }

    PracticeQuestion next(long residentId, Source source, String topic, Integer benchmarkNo) {
        List<Long> book = state.wrongBookIds(residentId);
        Question q;
        if (source == Source.WRONG_BOOK) {
            List<Question> open = book.isEmpty() ? List.of()
                    : questions.selectByIds(book).stream().filter(bank::shown).toList();
            if (open.isEmpty()) {
                throw new ApiException(QuizErrors.WRONG_BOOK_EMPTY);
            }
            q = practicable(open.get(ThreadLocalRandom.current().nextInt(open.size())).getId());
        } else {
            List<Question> pool = new ArrayList<>(bank.activePool(QuestionPool.PRACTICE).stream()
                    .filter(c -> topic == null || topic.isBlank() || QuestionBankService.split(c.getTopics()).contains(topic.strip()))
                    .filter(c -> benchmarkNo == null || benchmarkNo.equals(c.getBenchmarkNo()))
                    .toList());
            if (pool.isEmpty()) {
                throw new ApiException(QuizErrors.QUIZ_NO_QUESTIONS);
            }
            q = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
        }
        QuestionType type = QuestionType.valueOf(q.getType());
        return new PracticeQuestion(q.getId(), type, type.label(), q.getStem(), bank.options(q), q.getBenchmarkNo(),
                book.contains(q.getId()));
    }

    @Transactional
    Feedback answer(long residentId, long questionId, List<Integer> selected) {
        Question q = practicable(questionId);
        QuestionType type = QuestionType.valueOf(q.getType());
        PaperItem asShown = new PaperItem(q.getId(), type, q.getStem(), bank.options(q), QuestionBankService.answer(q),
                q.getExplanation(), q.getBenchmarkNo(), q.getDifficulty());
        Map<Long, List<Integer>> clean = Grading.validate(List.of(asShown), Map.of(questionId, selected));
        boolean correct = Grading.grade(List.of(asShown), clean).correctCount() == 1;
        if (correct) {
            state.answeredRight(residentId, questionId, Times.now(clock));
        } else {
            state.answeredWrong(residentId, questionId, Times.now(clock));
        }
        QuizStateMapper.WrongRow row = state.wrongAnswer(residentId, questionId);
        boolean inBook = row != null && row.getClearedAt() == null;
        return new Feedback(questionId, correct, asShown.correct(), q.getExplanation(), inBook,
                row == null ? 0 : row.getRightStreak());
    }

    /**
     * Practice answers with the right answer and the explanation, so it only ever touches practice questions: an
     * exam question (on any paper a resident can draw) or an archived one is "not found" here, whoever asks.
     */
    private Question practicable(long questionId) {
        Question q = questions.practicable(questionId);
        if (q == null || !bank.shown(q)) {
            throw new ApiException(QuizErrors.QUESTION_NOT_FOUND);
        }
        return q;
    }

    PageResult<WrongBookItem> wrongBook(long residentId, PageQuery page) {
        List<QuizStateMapper.WrongRow> rows = state.wrongBook(residentId, page.sizeOrDefault(), page.offset());
        Map<Long, Question> byId = rows.isEmpty() ? Map.of()
                : questions.selectByIds(rows.stream().map(QuizStateMapper.WrongRow::getQuestionId).toList()).stream()
                        .filter(bank::shown).collect(Collectors.toMap(Question::getId, Function.identity()));
        List<WrongBookItem> items = rows.stream().filter(r -> byId.containsKey(r.getQuestionId())).map(r -> {
            Question q = byId.get(r.getQuestionId());
            return new WrongBookItem(q.getId(), q.getStem(), QuestionType.valueOf(q.getType()), r.getWrongCount(),
                    r.getRightStreak(), Times.toOffset(r.getLastWrongAt()));
        }).toList();
        return PageResult.of(items, state.wrongBookSize(residentId), page);
    }
}
