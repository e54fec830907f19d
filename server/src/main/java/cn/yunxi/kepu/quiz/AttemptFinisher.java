package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.points.PointsReason;
import cn.yunxi.kepu.points.PointsService;
import cn.yunxi.kepu.resident.ResidentDirectory;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * Grades attempts, exactly once. The attempt row is locked ({@code SELECT ... FOR UPDATE}) and moved out of
 * OPEN by a conditional UPDATE, so of two concurrent submits one grades and the other reads the stored result.
 * Everything that follows from a graded attempt (standing, certificate, streak, points, the participation
 * event) happens in the same transaction; the Redis leaderboard is updated after commit.
 */
@Component
class AttemptFinisher {

    private final AttemptMapper attempts;
    private final AttemptViews views;
    private final QuizCatalog catalog;
    private final QuizStateMapper state;
    private final Certificates certificates;
    private final Leaderboards leaderboards;
    private final PointsService points;
    private final ResidentDirectory residents;
    private final ApplicationEventPublisher events;
    private final QuizProperties properties;
    private final Clock clock;

    AttemptFinisher(AttemptMapper attempts, AttemptViews views, QuizCatalog catalog, QuizStateMapper state,
                    Certificates certificates, Leaderboards leaderboards, PointsService points,
                    ResidentDirectory residents, ApplicationEventPublisher events, QuizProperties properties,
                    Clock clock) {
        this.attempts = attempts;
        this.views = views;
        this.catalog = catalog;
        this.state = state;
        this.certificates = certificates;
        this.leaderboards = leaderboards;
        this.points = points;
        this.residents = residents;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * An attempt as stored once this call is over, with its JSON columns already parsed when this call graded it
     * ({@code paper} null when it was graded before), so the answer is rendered without reading it back.
     */
    record Finished(Attempt attempt, List<PaperItem> paper, Map<Long, List<Integer>> answers,
                    List<Grading.ItemResult> results, String certificateNo) {
    }

    /** What grading produced beyond the attempt row itself: per-question results, the certificate held now. */
    private record Graded(List<Grading.ItemResult> results, String certificateNo) {
    }

    @Transactional
    Finished submit(long residentId, long attemptId, Map<Long, List<Integer>> submitted) {
        Attempt a = attempts.lockOwned(attemptId, residentId);
        if (a == null) {
            throw new ApiException(QuizErrors.ATTEMPT_NOT_FOUND);
        }
        if (!Attempt.OPEN.equals(a.getStatus())) {
            // graded already (a retry, a double tap, or the deadline): the one stored result
            return new Finished(a, null, null, null, null);
        }
        List<PaperItem> paper = views.paper(a);
        Map<Long, List<Integer>> clean = Grading.validate(paper, submitted);
        LocalDateTime now = Times.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, List<Integer>> answers = views.answers(a);
        if (now.isAfter(a.getDeadlineAt().plus(properties.submitGrace()))) {
            // Too late: only what was saved before the deadline counts; the attempt ends at its deadline.
            Graded g = grade(a, paper, answers, a.getDeadlineAt(), Attempt.EXPIRED, true);
            return new Finished(a, paper, answers, g.results(), g.certificateNo());
        }
        answers.putAll(clean);
        Graded g = grade(a, paper, answers, now.isAfter(a.getDeadlineAt()) ? a.getDeadlineAt() : now,
                Attempt.SUBMITTED, false);
        return new Finished(a, paper, answers, g.results(), g.certificateNo());
    }

    /** Closes an attempt left open past its deadline (plus grace), grading what was saved. */
    @Transactional
    boolean expireIfOverdue(long attemptId) {
        Attempt a = attempts.lock(attemptId);
        if (a == null || !Attempt.OPEN.equals(a.getStatus())
                || !Times.now(clock).isAfter(a.getDeadlineAt().plus(properties.submitGrace()))) {
            return false;
        }
        grade(a, views.paper(a), views.answers(a), a.getDeadlineAt(), Attempt.EXPIRED, false);
        return true;
    }

    private Graded grade(Attempt a, List<PaperItem> paper, Map<Long, List<Integer>> answers,
                                           LocalDateTime finishedAt, String status, boolean late) {
        Quiz quiz = catalog.quiz(a.getQuizId());
        Grading.Result result = Grading.grade(paper, answers);
        int perQuestion = a.getMaxScore() / a.getQuestionCount();
        int score = result.correctCount() * perQuestion;
        // Stored to the whole second: Connector/J drops the milliseconds against MariaDB (which it takes for a 5.5
        // server) but not against MySQL 8. Rounding here makes the row, the answer rendered from it and the
        // leaderboard key the same on both, without reading the row back. Ties on score and time used are then
        // broken by the finishing second.
        finishedAt = finishedAt.truncatedTo(ChronoUnit.SECONDS);
        long duration = Math.max(0, Duration.between(a.getStartedAt(), finishedAt).toMillis());
        a.setStatus(status);
        a.setFinishedAt(finishedAt);
        a.setDurationMs(duration);
        a.setCorrectCount(result.correctCount());
        a.setScore(score);
        a.setPassed(score * 100 >= quiz.getPassPercent() * a.getMaxScore());
        a.setLate(late);
        a.setAnswersJson(views.write(new HashMap<>(answers)));
        a.setResultJson(views.write(result.items()));
        if (attempts.finish(a) != 1) {
            throw new IllegalStateException("attempt " + a.getId() + " was graded under our lock by someone else");
        }
        return new Graded(result.items(), afterGrading(a, quiz, !answers.isEmpty()));
    }

    /** Returns the number of the contest certificate the resident holds after a pass, else null. */
    private String afterGrading(Attempt a, Quiz quiz, boolean answeredAny) {
        long residentId = a.getResidentId();
        QuizKind kind = QuizKind.valueOf(a.getKind());
        if (kind == QuizKind.DAILY) {
            if (answeredAny) {
                state.recordDailyRun(residentId, a.getAttemptDay());
            }
            if (a.getCorrectCount() > 0) {
                points.award(residentId, PointsReason.DAILY_QUIZ, "attempt:" + a.getId(),
                        a.getCorrectCount() * properties.dailyPointsPerCorrect());
            }
        }
        ResidentSummary resident = residents.find(residentId).orElse(null);
        String certificateNo = null;
        if (kind == QuizKind.CONTEST) {
            LocalDateTime start = quiz.getOpensAt() != null ? quiz.getOpensAt() : quiz.getCreatedAt();
            long rankValue = LeaderboardKey.encode(a.getScore(), a.getDurationMs(), a.getFinishedAt(), start);
            state.recordContestEntry(quiz.getId(), residentId, a.getId(), a.getScore(), a.getDurationMs(),
                    a.getFinishedAt(), rankValue, a.getRegionCode(), a.getTownCode());
            String contestKey = "contest:" + quiz.getId() + ":" + residentId;
            List<PointsService.Grant> grants = new ArrayList<>(2);
            if (properties.contestJoinPoints() > 0) {
                grants.add(new PointsService.Grant(contestKey + ":joined", properties.contestJoinPoints()));
            }
            if (Boolean.TRUE.equals(a.getPassed())) {
                certificateNo = certificates.issue(quiz, a, resident == null ? null : resident.nickname());
                if (properties.contestPassPoints() > 0) {
                    grants.add(new PointsService.Grant(contestKey + ":passed", properties.contestPassPoints()));
                }
            }
            if (!grants.isEmpty()) {
                points.awardAll(residentId, PointsReason.CONTEST, grants);
            }
            long quizId = quiz.getId();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    leaderboards.offer(quizId, residentId, rankValue);
                }
            });
        }
        String label = resident == null || resident.nickname() == null ? "居民"
                : PersonalDataCipher.maskName(resident.nickname());
        events.publishEvent(new ParticipationRecorded("attempt:" + a.getId(),
                kind == QuizKind.SELF_TEST ? ParticipationKind.SELF_TEST : ParticipationKind.QUIZ,
                ParticipationRecorded.residentKey(residentId), residentId, label, a.getRegionCode(),
                a.getPopulationGroup(), "QUIZ", quiz.getId(), quiz.getTitle(), a.getFinishedAt().toLocalDate(),
                List.of(), null, kind == QuizKind.SELF_TEST ? a.getPassed() : null, false));
        return certificateNo;
    }
}
