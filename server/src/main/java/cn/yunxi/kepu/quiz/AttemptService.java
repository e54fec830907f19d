package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/** Starting, saving and submitting attempts. The server's clock decides every deadline. */
@Service
class AttemptService {

    private final AttemptMapper attempts;
    private final QuizCatalog catalog;
    private final PaperDrawer drawer;
    private final AttemptViewFactory views;
    private final AttemptFinisher finisher;
    private final SubmissionBatcher batcher;
    private final ResidentService residents;
    private final RegionService regions;
    private final QuizProperties properties;
    private final Clock clock;

    AttemptService(AttemptMapper attempts, QuizCatalog catalog, PaperDrawer drawer, AttemptViewFactory views,
                   AttemptFinisher finisher, SubmissionBatcher batcher, ResidentService residents, RegionService regions,
                   QuizProperties properties, Clock clock) {
        this.attempts = attempts;
        this.catalog = catalog;
        this.drawer = drawer;
        this.views = views;
        this.finisher = finisher;
        this.batcher = batcher;
        this.residents = residents;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts an attempt, or resumes the resident's open one (a retried start after a network drop must not burn
     * an attempt). Attempt numbers are unique per resident and quiz in the database, and so is the open
     * attempt ({@code uk_quiz_attempt_open}); of two concurrent starts one inserts and the other resumes it.
     */
    AttemptView start(long residentId, long quizId) {
        Quiz quiz = catalog.published(quizId);
        QuizKind kind = QuizKind.valueOf(quiz.getKind());
        if (kind == QuizKind.PRACTICE) {
            throw new ApiException(QuizErrors.PRACTICE_ONE_BY_ONE, "练习模式请使用 /api/v1/practice 逐题作答");
        }
        LocalDateTime now = Times.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (quiz.getOpensAt() != null && now.isBefore(quiz.getOpensAt())) {
            throw new ApiException(QuizErrors.QUIZ_NOT_OPEN);
        }
        if (quiz.getClosesAt() != null && !now.isBefore(quiz.getClosesAt())) {
            throw new ApiException(QuizErrors.QUIZ_CLOSED);
        }
        ResidentSummary resident = residents.find(residentId).orElseThrow(() -> new ApiException(QuizErrors.QUIZ_NOT_FOUND));
        if (!catalog.eligible(quiz, resident)) {
            throw new ApiException(QuizErrors.QUIZ_NOT_ELIGIBLE);
        }
        Attempt open = attempts.findOpen(quizId, residentId);
        if (open != null) {
            if (!now.isAfter(open.getDeadlineAt().plus(properties.submitGrace()))) {
                return views.view(open, quiz.getTitle());
            }
            finisher.expireIfOverdue(open.getId());
        }
        if (kind == QuizKind.DAILY && attempts.countOnDay(quizId, residentId, now.toLocalDate()) > 0) {
            throw new ApiException(QuizErrors.DAILY_ALREADY_DONE);
        }
        int attemptNo = attempts.lastAttemptNo(quizId, residentId) + 1;
        if (kind != QuizKind.DAILY && attemptNo > quiz.getAttemptsAllowed()) {
            throw new ApiException(QuizErrors.ATTEMPTS_USED_UP);
        }
        Attempt a = newAttempt(quiz, kind, resident, attemptNo, now);
        try {
            attempts.insert(a);
        } catch (DuplicateKeyException concurrentStart) {
            Attempt winner = attempts.findOpen(quizId, residentId);
            if (winner != null) {
                return views.view(winner, quiz.getTitle());
            }
            throw new ApiException(kind == QuizKind.DAILY ? QuizErrors.DAILY_ALREADY_DONE : QuizErrors.ATTEMPTS_USED_UP);
        }
        return views.view(a, quiz.getTitle());
    }

    private Attempt newAttempt(Quiz quiz, QuizKind kind, ResidentSummary resident, int attemptNo, LocalDateTime now) {
        List<PaperDrawer.Drawn> paper = drawer.draw(quiz,
                resident.populationGroup() == null ? null : resident.populationGroup().name());
        boolean countdown = QuizCatalog.countdown(quiz, resident);
        LocalDateTime hardEnd = switch (kind) {
            case DAILY -> now.toLocalDate().plusDays(1).atStartOfDay();
            default -> quiz.getClosesAt() != null ? quiz.getClosesAt() : now.plusDays(1);
        };
        LocalDateTime deadline = countdown ? min(now.plusSeconds(quiz.getTimeLimitSeconds()), hardEnd) : hardEnd;
        Attempt a = new Attempt();
        a.setQuizId(quiz.getId());
        a.setKind(kind.name());
        a.setResidentId(resident.id());
        a.setAttemptNo(attemptNo);
        a.setAttemptDay(kind == QuizKind.DAILY ? now.toLocalDate() : null);
        a.setStatus(Attempt.OPEN);
        a.setStartedAt(now);
        a.setDeadlineAt(deadline);
        a.setCountdown(countdown);
        a.setQuestionCount(paper.size());
        a.setMaxScore(paper.size() * quiz.getQuestionScore());
        a.setLate(false);
        a.setRegionCode(resident.regionCode());
        a.setTownCode(regions.find(resident.regionCode()).map(RegionInfo::townCode).orElse(null));
        a.setPopulationGroup(resident.populationGroup() == null ? null : resident.populationGroup().name());
        a.setPaperRefsJson(views.refs(paper));
        return a;
    }

    /** The caller's own attempt (404 for anyone else's); closed first if it ran past its deadline. */
    AttemptView get(long residentId, long attemptId) {
        Attempt a = owned(residentId, attemptId);
        if (Attempt.OPEN.equals(a.getStatus()) && finisher.expireIfOverdue(a.getId())) {
            a = owned(residentId, attemptId);
        }
        return views.view(a, title(a));
    }

    /** Saves answers so far; they count if the deadline passes before the resident submits. */
    AttemptView save(long residentId, long attemptId, AnswersRequest request) {
        Attempt a = owned(residentId, attemptId);
        if (!Attempt.OPEN.equals(a.getStatus())) {
            throw new ApiException(QuizErrors.ATTEMPT_CLOSED);
        }
        Map<Long, List<Integer>> merged = views.answers(a);
        merged.putAll(Grading.validate(views.paper(a), request.asMap()));
        LocalDateTime cutoff = Times.now(clock).minus(properties.submitGrace());
        if (attempts.saveAnswers(attemptId, residentId, views.writeAnswers(merged), cutoff) != 1) {
            throw new ApiException(QuizErrors.ATTEMPT_CLOSED);
        }
        return views.view(owned(residentId, attemptId), title(a));
    }

    AttemptView submit(long residentId, long attemptId, AnswersRequest request) {
        // Rendered from what is stored (the row this call graded and wrote, or the one it found graded under the
        // lock), so every caller, winner or loser of a race, sees the same result.
        AttemptFinisher.Finished finished = batcher.submit(residentId, attemptId, request.asMap());
        Attempt graded = finished.attempt();
        return finished.paper() == null ? views.view(graded, title(graded))
                : views.view(graded, title(graded), finished.paper(), finished.answers(), finished.results(),
                        finished.certificateNo());
    }

    private Attempt owned(long residentId, long attemptId) {
        Attempt a = attempts.findOwned(attemptId, residentId);
        if (a == null) {
            throw new ApiException(QuizErrors.ATTEMPT_NOT_FOUND);
        }
        return a;
    }

    private String title(Attempt a) {
        Quiz quiz = catalog.quiz(a.getQuizId());
        return quiz == null ? null : quiz.getTitle();
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
