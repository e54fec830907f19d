package cn.yunxi.kepu.quiz;

import static cn.yunxi.kepu.quiz.LeaderboardScripts.text;
import static cn.yunxi.kepu.quiz.LeaderboardScripts.toLong;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.concurrent.RequestCombiner;
import cn.yunxi.kepu.common.redis.NamespacedKeys;

/**
 * A contest's board in Redis: a sorted set of resident id → {@link LeaderboardKey} value plus a "ready" marker set
 * once the set has been filled from MySQL. Submissions add with {@code ZADD GT} after commit. A reader finding the
 * marker missing has the board rebuilt ({@link LeaderboardRebuild}); when Redis cannot answer, reads return null
 * and the caller asks MySQL.
 */
@Component
class RedisLeaderboard {

    private static final Logger log = LoggerFactory.getLogger(RedisLeaderboard.class);

    private final StringRedisTemplate redis;
    private final LeaderboardRebuild rebuild;
    private final RecentTops recentTops;
    /** Boards whose sets missed a result while Redis was unreachable, and whose markers are still to be dropped. */
    private final Set<Long> staleInRedis = ConcurrentHashMap.newKeySet();
    /** Each board's set and marker keys as Redis stores them, built once: about 2% of an answer when per request. */
    private final Map<Long, byte[][]> rawKeys = new ConcurrentHashMap<>();

    /**
     * Callers' standings asked for at the same moment, fetched together: under a crowd reading a board, one round
     * trip per request (Redis client work on both the request thread and the I/O thread) was a quarter of the
     * server's CPU.
     */
    private final RequestCombiner<StandingAsk, OwnStanding> standings =
            new RequestCombiner<>(128, this::standingsOf);

    RedisLeaderboard(StringRedisTemplate redis, LeaderboardRebuild rebuild, RecentTops recentTops) {
        this.redis = redis;
        this.rebuild = rebuild;
        this.recentTops = recentTops;
    }

    /**
     * The contest id is the hash tag: the set, its ready marker and its rebuild lock are read together by one Lua
     * script ({@link LeaderboardScripts#BOARD}), which Redis Cluster only runs on keys of one slot. On a single
     * Redis the braces are just characters of the name.
     */
    static String key(long quizId) {
        return "kepu:quiz:lb:{" + quizId + "}";
    }

    static String readyKey(long quizId) {
        return key(quizId) + ":ready";
    }

    static String lockKey(long quizId) {
        return key(quizId) + ":lock";
    }

    /** Adds value/member pairs to a contest's set; when that fails, drops the marker so the set is rebuilt. */
    void offer(long quizId, List<String> valueResidentPairs) {
        try {
            dropStaleMarkers();
            LeaderboardScripts.offer(redis, rawKeys(quizId)[0], valueResidentPairs);
            recentTops.forget(quizId);
        } catch (RuntimeException e) {
            log.warn("Leaderboard {} not updated in Redis ({}); it will be rebuilt from MySQL", quizId,
                    e.getMessage());
            try {
                redis.delete(readyKey(quizId));
            } catch (RuntimeException unreachable) {
                // Redis is unreachable or silent, but may come back with its data (a partition, not a restart):
                // the set then lacks this result, so its marker is dropped as soon as Redis answers again.
                staleInRedis.add(quizId);
            }
        }
    }

    /** The board's set and marker keys as Redis stores them (the deployment's namespace included). */
    private byte[][] rawKeys(long quizId) {
        return rawKeys.computeIfAbsent(quizId, q -> new byte[][] {
            NamespacedKeys.raw(redis, key(q)), NamespacedKeys.raw(redis, readyKey(q))});
    }

    /** Drops the markers of sets that missed a result while Redis was unreachable, so they are rebuilt. */
    private void dropStaleMarkers() {
        for (Long quizId : staleInRedis) {
            redis.delete(readyKey(quizId));
            staleInRedis.remove(quizId);
            recentTops.forget(quizId);
        }
    }

    /** The top and the caller's standing, or null when Redis cannot answer. */
    RawBoard read(long quizId, long residentId, int top) {
        try {
            dropStaleMarkers();
        } catch (RuntimeException e) {
            return null; // Redis still unreachable: MySQL answers
        }
        RawBoard raw = withRecentTop(quizId, residentId, top);
        if (raw == null) {
            raw = fromRedis(quizId, residentId, top);
            if (raw != null) {
                recentTops.remember(quizId, top, raw);
            }
        }
        return raw;
    }

    /** The top this instance read a moment ago plus the caller's fresh standing; null when there is none. */
    private RawBoard withRecentTop(long quizId, long residentId, int top) {
        RecentTops.RecentTop recent = recentTops.fresh(quizId, top);
        if (recent == null) {
            return null;
        }
        OwnStanding mine;
        try {
            mine = standings.submit(new StandingAsk(quizId, residentId));
        } catch (RuntimeException e) {
            return null; // the full read decides between Redis and MySQL
        }
        if (mine == null) {
            return null; // Redis did not answer: the full read decides between Redis and MySQL
        }
        if (!mine.ready()) {
            recentTops.forget(quizId); // flushed: the full read rebuilds it
            return null;
        }
        return new RawBoard(recent.rows(), mine.value(), mine.value() == null ? null : mine.above(), recent.total());
    }

    /** One caller asking for their standing on one board. */
    private record StandingAsk(long quizId, long residentId) {
    }

    /**
     * What Redis holds of one caller's standing: not ready when the board's marker is missing (flushed), else the
     * caller's value (null when they have no entry) and how many entries are strictly above it.
     */
    private record OwnStanding(boolean ready, Long value, long above) {
    }

    private static final OwnStanding NOT_READY = new OwnStanding(false, null, 0);

    /**
     * The standings of callers who asked at the same moment, with one script per board (its keys share a slot, so
     * this also holds on Redis Cluster). Nothing is kept between calls: every answer is read after its caller
     * asked, exactly as with one round trip each. A board Redis did not answer for gets null for each of its
     * callers.
     */
    private List<OwnStanding> standingsOf(List<StandingAsk> asks) {
        Map<Long, List<Integer>> byBoard = new LinkedHashMap<>();
        for (int i = 0; i < asks.size(); i++) {
            byBoard.computeIfAbsent(asks.get(i).quizId(), q -> new ArrayList<>()).add(i);
        }
        OwnStanding[] answers = new OwnStanding[asks.size()];
        byBoard.forEach((quizId, callers) -> {
            try {
                List<String> residents = new ArrayList<>(callers.size());
                callers.forEach(i -> residents.add(Long.toString(asks.get(i).residentId())));
                byte[][] keys = rawKeys(quizId);
                List<Object> reply = LeaderboardScripts.evalList(redis, LeaderboardScripts.STANDINGS, keys[0],
                        keys[1], residents);
                boolean ready = reply != null && !reply.isEmpty() && toLong(text(reply.get(0))) == 1;
                for (int j = 0; j < callers.size(); j++) {
                    if (!ready) {
                        answers[callers.get(j)] = NOT_READY;
                        continue;
                    }
                    String mine = text(reply.get(1 + 2 * j));
                    answers[callers.get(j)] = new OwnStanding(true, mine.isEmpty() ? null : toLong(mine),
                            toLong(text(reply.get(2 + 2 * j))));
                }
            } catch (RuntimeException e) {
                // left null: each caller's full read decides between Redis and MySQL
            }
        });
        return Arrays.asList(answers);
    }

    @SuppressWarnings("unchecked")
    private RawBoard fromRedis(long quizId, long residentId, int top) {
        try {
            for (int round = 0; round < 2; round++) {
                List<Object> reply = redis.execute(LeaderboardScripts.BOARD, List.of(key(quizId), readyKey(quizId)),
                        Integer.toString(top), Long.toString(residentId));
                if (reply != null && !reply.isEmpty() && toLong(reply.get(0)) == 1) {
                    List<Object> flat = (List<Object>) reply.get(1);
                    List<long[]> rows = new ArrayList<>(flat.size() / 2);
                    for (int i = 0; i + 1 < flat.size(); i += 2) {
                        rows.add(new long[] {Long.parseLong(flat.get(i).toString()), toLong(flat.get(i + 1))});
                    }
                    String mine = reply.get(2) == null ? "" : reply.get(2).toString();
                    Long value = mine.isEmpty() ? null : toLong(mine);
                    Long above = value == null ? null : toLong(reply.get(3));
                    return new RawBoard(rows, value, above, toLong(reply.get(4)));
                }
                if (round == 0 && !rebuild.rebuildOrWait(quizId)) {
                    return null;
                }
            }
            return null;
        } catch (RuntimeException e) {
            log.warn("Leaderboard {} answered from MySQL: Redis unavailable ({})", quizId, e.getMessage());
            return null;
        }
    }
}
