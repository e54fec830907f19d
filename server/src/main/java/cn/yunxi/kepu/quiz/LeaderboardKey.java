package cn.yunxi.kepu.quiz;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One number that orders a contest's standings: higher is better. It is exactly representable as a double
 * (53 bits), so the Redis sorted-set score and the MySQL {@code rank_value} column hold the same value:
 *
 * <pre>
 *   value = score                    × 2^43     score 0..1000                 (10 bits, higher first)
 *         + (2^20 − 1 − time used)   × 2^23     time used in 0.1 s, ≤ 29 h   (20 bits, less first)
 *         + (2^23 − 1 − finish)                 finish, seconds after the contest opened, ≤ 97 days
 * </pre>
 *
 * Contests are validated to fit (score ≤ 1000, time limit ≤ 4 h); values beyond a field are clamped. Two
 * entries with the same value share a rank.
 */
final class LeaderboardKey {

    static final int MAX_SCORE = 1000;
    static final long TIME_UNITS = (1L << 20) - 1;
    static final long FINISH_UNITS = (1L << 23) - 1;
    private static final int SCORE_SHIFT = 43;
    private static final int TIME_SHIFT = 23;

    private LeaderboardKey() {
    }

    static long encode(int score, long durationMs, LocalDateTime finishedAt, LocalDateTime contestStart) {
        long s = Math.max(0, Math.min(score, MAX_SCORE));
        long tenths = Math.max(0, Math.min(durationMs / 100, TIME_UNITS));
        long finish = Math.max(0, Math.min(Duration.between(contestStart, finishedAt).toSeconds(), FINISH_UNITS));
        return (s << SCORE_SHIFT) | ((TIME_UNITS - tenths) << TIME_SHIFT) | (FINISH_UNITS - finish);
    }

    static int score(long value) {
        return (int) (value >>> SCORE_SHIFT);
    }

    /** The time used, to the tenth of a second the value keeps. */
    static long durationMs(long value) {
        return (TIME_UNITS - ((value >>> TIME_SHIFT) & TIME_UNITS)) * 100;
    }
}
