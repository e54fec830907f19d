package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.points.PointsReason;
import cn.yunxi.kepu.points.PointsService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * Grades attempts, exactly once. The attempt row is locked ({@code SELECT ... FOR UPDATE}) and moved out of
 * OPEN by a conditional UPDATE, so of two concurrent submits one grades and the other reads the stored result.
 * Everything that follows from a graded attempt (standing, certificate, streak, points, the participation
 * event) happens in the same transaction; the Redis leaderboard is updated after commit.
 */
@Component
class AttemptFinisher {

    private final QuizBatchWriter writer;
    private final AttemptViewFactory views;
    private final QuizCatalog catalog;
    private final QuizStateMapper state;
    private final CertificateService certificates;
    private final LeaderboardService leaderboards;
    private final PointsService points;
    private final ResidentService residents;
    private final ApplicationEventPublisher events;
    private final QuizProperties properties;
    private final Clock clock;

    AttemptFinisher(QuizBatchWriter writer, AttemptViewFactory views, QuizCatalog catalog, QuizStateMapper state,
                    CertificateService certificates, LeaderboardService leaderboards, PointsService points,
                    ResidentService residents, ApplicationEventPublisher events, QuizProperties properties,
                    Clock clock) {
        this.writer = writer;
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

    /** One resident's submission of one attempt. */
    record Submission(long residentId, long attemptId, Map<Long, List<Integer>> answers) {
    }

    /** What became of a submission: the attempt as stored, or why it was refused (nothing of it was written). */
    record Outcome(Finished finished, ApiException refusal) {
    }

    /** An attempt graded in memory, waiting for the batch's writes. */
    private record Marked(int index, Attempt attempt, Quiz quiz, List<PaperItem> paper,
                          Map<Long, List<Integer>> answers, Grading.Result result) {
    }

    /**
     * Grades a batch of submissions (see {@link SubmissionBatcher}) in one transaction: their attempt rows are
     * locked with one statement (in id order, so batches of several instances cannot deadlock on them) and the
     * grades written with one batched update. Each submission is judged on its own: one that is not the caller's,
     * or whose answers are invalid, is refused without touching its row; one already graded (a retry, a double
     * tap, the deadline, or an earlier submission of the same attempt in this batch) gets the stored result.
     */
    @Transactional
    List<Outcome> submitAll(List<Submission> batch) {
        List<Long> ids = batch.stream().map(Submission::attemptId).distinct().sorted().toList();
        Map<Long, Attempt> rows = new HashMap<>();
        writer.lockAll(ids).forEach(a -> rows.put(a.getId(), a));
        LocalDateTime now = Times.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, Quiz> quizzesById = catalog.quizzes(
                rows.values().stream().map(Attempt::getQuizId).distinct().toList());
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Marked> marked = new ArrayList<>();
        for (Submission submission : batch) {
            Attempt a = rows.get(submission.attemptId());
            if (a == null || a.getResidentId() != submission.residentId()) {
                outcomes.add(new Outcome(null, new ApiException(QuizErrors.ATTEMPT_NOT_FOUND)));
                continue;
            }
            if (!Attempt.OPEN.equals(a.getStatus())) {
                outcomes.add(new Outcome(new Finished(a, null, null, null, null), null));
                continue;
            }
            List<PaperItem> paper = views.paper(a);
            Map<Long, List<Integer>> clean;
            try {
                clean = Grading.validate(paper, submission.answers());
            } catch (ApiException invalid) {
                outcomes.add(new Outcome(null, invalid));
                continue;
            }
            Map<Long, List<Integer>> answers = views.answers(a);
            Quiz quiz = quizzesById.get(a.getQuizId());
            Grading.Result result;
            if (now.isAfter(a.getDeadlineAt().plus(properties.submitGrace()))) {
                // Too late: only what was saved before the deadline counts; the attempt ends at its deadline.
                result = mark(a, quiz, paper, answers, a.getDeadlineAt(), Attempt.EXPIRED, true);
            } else {
                answers.putAll(clean);
                result = mark(a, quiz, paper, answers, now.isAfter(a.getDeadlineAt()) ? a.getDeadlineAt() : now,
                        Attempt.SUBMITTED, false);
            }
            marked.add(new Marked(outcomes.size(), a, quiz, paper, answers, result));
            outcomes.add(null); // filled in once written
        }
        if (marked.isEmpty()) {
            return outcomes;
        }
        if (writer.finishAll(marked.stream().map(Marked::attempt).toList()) != marked.size()) {
            throw new IllegalStateException("an attempt of " + marked.stream().map(m -> m.attempt().getId()).toList()
                    + " was graded under our lock by someone else");
        }
        Map<Long, ResidentSummary> residentsById = new HashMap<>();
        residents.findAll(marked.stream().map(m -> m.attempt().getResidentId()).distinct().toList())
                .forEach(r -> residentsById.put(r.id(), r));
        // By resident, so that per-resident rows (points totals, standings) are locked in one order everywhere.
        List<Marked> byResident = new ArrayList<>(marked);
        byResident.sort(Comparator.comparingLong(m -> m.attempt().getResidentId()));
        Map<Long, Quiz> quizzes = new HashMap<>();
        Map<Long, Boolean> answeredAny = new HashMap<>();
        byResident.forEach(m -> {
            quizzes.put(m.attempt().getId(), m.quiz());
            answeredAny.put(m.attempt().getId(), !m.answers().isEmpty());
        });
        Map<Long, String> certificateNos = consequences(byResident.stream().map(Marked::attempt).toList(), quizzes,
                answeredAny, residentsById);
        for (Marked m : marked) {
            outcomes.set(m.index(), new Outcome(new Finished(m.attempt(), m.paper(), m.answers(),
                    m.result().items(), certificateNos.get(m.attempt().getId())), null));
        }
        return outcomes;
    }

    /** Closes an attempt left open past its deadline (plus grace), grading what was saved. */
    @Transactional
    boolean expireIfOverdue(long attemptId) {
        Attempt a = writer.lock(attemptId);
        if (a == null || !Attempt.OPEN.equals(a.getStatus())
                || !Times.now(clock).isAfter(a.getDeadlineAt().plus(properties.submitGrace()))) {
            return false;
        }
        Quiz quiz = catalog.quiz(a.getQuizId());
        Map<Long, List<Integer>> answers = views.answers(a);
        mark(a, quiz, views.paper(a), answers, a.getDeadlineAt(), Attempt.EXPIRED, false);
        if (writer.finish(a) != 1) {
            throw new IllegalStateException("attempt " + a.getId() + " was graded under our lock by someone else");
        }
        Map<Long, ResidentSummary> resident = new HashMap<>();
        residents.find(a.getResidentId()).ifPresent(r -> resident.put(r.id(), r));
        consequences(List.of(a), Map.of(a.getId(), quiz), Map.of(a.getId(), !answers.isEmpty()), resident);
        return true;
    }

    /** Grades in memory: sets the attempt's result fields, writes nothing. */
    private Grading.Result mark(Attempt a, Quiz quiz, List<PaperItem> paper, Map<Long, List<Integer>> answers,
                                LocalDateTime finishedAt, String status, boolean late) {
        Grading.Result result = Grading.grade(paper, answers);
        int perQuestion = a.getMaxScore() / a.getQuestionCount();
        int score = result.correctCount() * perQuestion;
        // Stored to the whole second: Connector/J drops the milliseconds against MariaDB (which it takes for a 5.5
        // server) but not against MySQL 8. Rounding here makes the row, the answer rendered from it and the
        // leaderboard key the same on both, without reading the row back. Ties on score and time used are then
        // broken by the finishing second.
        LocalDateTime finished = finishedAt.truncatedTo(ChronoUnit.SECONDS);
        long duration = Math.max(0, Duration.between(a.getStartedAt(), finished).toMillis());
        a.setStatus(status);
        a.setFinishedAt(finished);
        a.setDurationMs(duration);
        a.setCorrectCount(result.correctCount());
        a.setScore(score);
        a.setPassed(score * 100 >= quiz.getPassPercent() * a.getMaxScore());
        a.setLate(late);
        a.setAnswersJson(views.writeAnswers(answers));
        a.setResultJson(views.writeResults(result.items()));
        return result;
    }

    /**
     * Everything that follows from graded attempts, for the whole batch at once: daily streaks and points, contest
     * standings (one statement), certificates, contest points (one set of statements for all residents), the
     * Redis leaderboard after commit (one synchronization), and one participation event for the batch, which the
     * indicator ledger applies in this transaction. Returns the certificate number each passed contest attempt's
     * resident holds now, by attempt id.
     */
    private Map<Long, String> consequences(List<Attempt> graded, Map<Long, Quiz> quizzes, Map<Long, Boolean> answeredAny,
                                           Map<Long, ResidentSummary> residentsById) {
        List<PointsService.ResidentGrant> dailyPoints = new ArrayList<>();
        List<PointsService.ResidentGrant> contestPoints = new ArrayList<>();
        List<QuizBatchWriter.ContestEntry> entries = new ArrayList<>();
        List<CertificateService.Issue> passes = new ArrayList<>();
        List<ParticipationRecorded> participation = new ArrayList<>(graded.size());
        for (Attempt a : graded) {
            long residentId = a.getResidentId();
            Quiz quiz = quizzes.get(a.getId());
            ResidentSummary resident = residentsById.get(residentId);
            QuizKind kind = QuizKind.valueOf(a.getKind());
            if (kind == QuizKind.DAILY) {
                if (answeredAny.get(a.getId())) {
                    state.recordDailyRun(residentId, a.getAttemptDay());
                }
                if (a.getCorrectCount() > 0) {
                    // only grading awards an attempt's points, and this attempt was just graded
                    dailyPoints.add(new PointsService.ResidentGrant(residentId, new PointsService.Grant(
                            "attempt:" + a.getId(), a.getCorrectCount() * properties.dailyPointsPerCorrect()), true));
                }
            }
            if (kind == QuizKind.CONTEST) {
                LocalDateTime start = quiz.getOpensAt() != null ? quiz.getOpensAt() : quiz.getCreatedAt();
                entries.add(new QuizBatchWriter.ContestEntry(a,
                        LeaderboardKey.encode(a.getScore(), a.getDurationMs(), a.getFinishedAt(), start)));
                String contestKey = "contest:" + quiz.getId() + ":" + residentId;
                // a resident's first attempt at a contest: nothing of this contest was awarded to them yet
                boolean first = a.getAttemptNo() == 1;
                if (properties.contestJoinPoints() > 0) {
                    contestPoints.add(new PointsService.ResidentGrant(residentId,
                            new PointsService.Grant(contestKey + ":joined", properties.contestJoinPoints()), first));
                }
                if (Boolean.TRUE.equals(a.getPassed())) {
                    passes.add(new CertificateService.Issue(quiz, a, resident == null ? null : resident.nickname()));
                    if (properties.contestPassPoints() > 0) {
                        contestPoints.add(new PointsService.ResidentGrant(residentId,
                                new PointsService.Grant(contestKey + ":passed", properties.contestPassPoints()), first));
                    }
                }
            }
            String label = resident == null || resident.nickname() == null ? "居民"
                    : PersonalDataCipher.maskName(resident.nickname());
            participation.add(ParticipationRecorded.builder(
                            kind == QuizKind.SELF_TEST ? ParticipationKind.SELF_TEST : ParticipationKind.QUIZ,
                            "attempt:" + a.getId())
                    .resident(residentId, label)
                    .demographics(a.getRegionCode(), a.getPopulationGroup())
                    .source("QUIZ", quiz.getId(), quiz.getTitle())
                    .occurredOn(a.getFinishedAt().toLocalDate())
                    .passed(kind == QuizKind.SELF_TEST ? a.getPassed() : null)
                    .build());
        }
        points.awardEach(PointsReason.DAILY_QUIZ, dailyPoints);
        Map<Long, String> certificateNos = Map.of();
        if (!entries.isEmpty()) {
            writer.recordStandings(entries);
            certificateNos = certificates.issueAll(passes);
            points.awardEach(PointsReason.CONTEST, contestPoints);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    leaderboards.offerAll(entries.stream().map(e -> new LeaderboardService.Offer(e.getQuizId(),
                            e.getResidentId(), e.getRankValue())).toList());
                }
            });
        }
        // Even a batch of one goes as ParticipationsRecorded: the ledger applies it in this transaction.
        events.publishEvent(new ParticipationsRecorded(participation));
        return certificateNos;
    }
}
