package cn.yunxi.kepu.quiz;

import static cn.yunxi.kepu.quiz.LeaderboardScripts.text;
import static cn.yunxi.kepu.quiz.LeaderboardScripts.toLong;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

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
            redis.execute(LeaderboardScripts.OFFER, List.of(key(quizId)), valueResidentPairs.toArray());
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
        try {
            byte[][] keys = rawKeys.computeIfAbsent(quizId, q -> new byte[][] {
                NamespacedKeys.raw(redis, key(q)), NamespacedKeys.raw(redis, readyKey(q))});
            List<Object> reply = LeaderboardScripts.evalList(redis, LeaderboardScripts.MINE, keys[0], keys[1],
                    Long.toString(residentId));
            if (reply == null || reply.isEmpty() || toLong(text(reply.get(0))) != 1) {
                recentTops.forget(quizId); // flushed: the full read rebuilds it
                return null;
            }
            String mine = text(reply.get(1));
            Long value = mine.isEmpty() ? null : toLong(mine);
            return new RawBoard(recent.rows(), value, value == null ? null : toLong(text(reply.get(2))),
                    recent.total());
        } catch (RuntimeException e) {
            return null; // the full read decides between Redis and MySQL
        }
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
