package cn.yunxi.kepu.quiz;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * Published quizzes as residents see them. Quiz rows are read through a short cache (5 s): when a contest
 * opens, thousands of starts read the same row.
 */
@Component
class QuizCatalog {

    private static final long TTL_MS = 5_000;

    private final QuizMapper quizzes;
    private final AttemptMapper attempts;
    private final QuizStateMapper state;
    private final ResidentService residents;
    private final RegionService regions;
    private final QuizRowRepository rows;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    QuizCatalog(QuizMapper quizzes, AttemptMapper attempts, QuizStateMapper state, ResidentService residents,
                RegionService regions, QuizRowRepository rows, Clock clock) {
        this.quizzes = quizzes;
        this.rows = rows;
        this.attempts = attempts;
        this.state = state;
        this.residents = residents;
        this.regions = regions;
        this.clock = clock;
    }

    private record Cached(Quiz quiz, long loadedAt) {
    }

    /** The quiz, from the short cache; null when it does not exist. */
    Quiz quiz(long id) {
        long now = Instant.now().toEpochMilli();
        Cached cached = cache.get(id);
        if (cached == null || now - cached.loadedAt() > TTL_MS) {
            Quiz quiz = quizzes.selectById(id);
            if (quiz == null) {
                cache.remove(id);
                return null;
            }
            cached = new Cached(quiz, now);
            cache.put(id, cached);
        }
        return cached.quiz();
    }

    /**
     * Several quizzes at once (a batch of submissions): the ones not cached are read with one query inside the
     * batch's transaction ({@link QuizRowRepository}).
     */
    Map<Long, Quiz> quizzes(Collection<Long> ids) {
        long now = Instant.now().toEpochMilli();
        Map<Long, Quiz> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            Cached cached = cache.get(id);
            if (cached == null || now - cached.loadedAt() > TTL_MS) {
                missing.add(id);
            } else {
                found.put(id, cached.quiz());
            }
        }
        if (!missing.isEmpty()) {
            for (Quiz quiz : rows.byIds(missing)) {
                cache.put(quiz.getId(), new Cached(quiz, now));
                found.put(quiz.getId(), quiz);
            }
        }
        return found;
    }

    void evict(long id) {
        cache.remove(id);
    }

    /** A published quiz the resident may see, or 404. */
    Quiz published(long id) {
        Quiz quiz = quiz(id);
        if (quiz == null || !Quiz.PUBLISHED.equals(quiz.getStatus())) {
            throw new ApiException(QuizErrors.QUIZ_NOT_FOUND);
        }
        return quiz;
    }

    boolean eligible(Quiz quiz, ResidentSummary resident) {
        List<String> regionCodes = QuestionBankService.split(quiz.getEligibleRegions());
        if (!regionCodes.isEmpty()) {
            String village = resident.regionCode();
            String town = regions.find(village).map(r -> r.townCode()).orElse(null);
            if (village == null || !(regionCodes.contains(village) || (town != null && regionCodes.contains(town)))) {
                return false;
            }
        }
        List<String> groups = QuestionBankService.split(quiz.getEligibleGroups());
        return groups.isEmpty() || (resident.populationGroup() != null
                && groups.contains(resident.populationGroup().name()));
    }

    /** What the resident can take now: the standing quizzes and the contests open now that they may enter. */
    List<QuizCard> available(long residentId) {
        ResidentSummary resident = residents.find(residentId).orElseThrow(() -> new ApiException(QuizErrors.QUIZ_NOT_FOUND));
        LocalDateTime now = Times.now(clock);
        List<Quiz> open = quizzes.published().stream()
                .filter(q -> q.getOpensAt() == null || !now.isBefore(q.getOpensAt()))
                .filter(q -> q.getClosesAt() == null || now.isBefore(q.getClosesAt()))
                .filter(q -> eligible(q, resident))
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        LocalDate today = now.toLocalDate();
        Map<Long, AttemptMapper.MyQuizStats> mine = attempts.myStats(residentId, open.stream().map(Quiz::getId).toList(), today)
                .stream().collect(Collectors.toMap(AttemptMapper.MyQuizStats::getQuizId, Function.identity()));
        QuizStateMapper.StreakRow streak = state.streak(residentId);
        int currentStreak = streak == null ? 0
                : (streak.getLastDay().equals(today) || streak.getLastDay().equals(today.minusDays(1)))
                        ? streak.getCurrentStreak() : 0;
        return open.stream().map(q -> {
            AttemptMapper.MyQuizStats stats = mine.get(q.getId());
            int used = stats == null ? 0 : stats.getAttempts();
            boolean daily = QuizKind.DAILY.name().equals(q.getKind());
            boolean doneToday = daily && stats != null && stats.getToday() > 0;
            boolean countdown = countdown(q, resident);
            return new QuizCard(q.getId(), QuizKind.valueOf(q.getKind()), q.getTitle(), q.getDescription(),
                    q.getQuestionCount(), countdown ? q.getTimeLimitSeconds() : null, countdown,
                    Times.toOffset(q.getOpensAt()), Times.toOffset(q.getClosesAt()),
                    daily ? 1 : q.getAttemptsAllowed(), daily ? (doneToday ? 1 : 0) : used,
                    stats == null ? null : stats.getBestScore(), q.getQuestionCount() * q.getQuestionScore(),
                    daily ? doneToday : null, daily ? currentStreak : null);
        }).toList();
    }

    /**
     * In 关怀模式 only a contest keeps its clock (its ranking is only fair if everyone gets the same time);
     * the daily quiz, practice and the self-test are for the resident alone and run untimed until midnight
     * or the quiz's end, so nothing presses an elder.
     */
    static boolean countdown(Quiz quiz, ResidentSummary resident) {
        if (quiz.getTimeLimitSeconds() == null) {
            return false;
        }
        boolean relaxed = !QuizKind.CONTEST.name().equals(quiz.getKind());
        return !(relaxed && resident.elderMode());
    }

    /**
     * @param attemptsAllowed for the daily quiz: runs per day (1)
     * @param attemptsUsed    for the daily quiz: runs today
     */
    record QuizCard(long id, QuizKind kind, String title, @Nullable String description, int questionCount,
                    Integer timeLimitSeconds, boolean countdown, @Nullable OffsetDateTime opensAt,
                    @Nullable OffsetDateTime closesAt, int attemptsAllowed, int attemptsUsed, Integer bestScore,
                    int maxScore, Boolean doneToday, Integer streak) {
    }
}
