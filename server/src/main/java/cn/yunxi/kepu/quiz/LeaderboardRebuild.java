package cn.yunxi.kepu.quiz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisZSetCommands;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.redis.NamespacedKeys;

/**
 * Refills a board's sorted set from MySQL when its ready marker is missing (Redis flushed or restarted): one
 * instance at a time (a Redis lock), one thread per instance (a local lock); the others wait briefly and
 * otherwise let MySQL answer. A rebuild merges with {@code GT}, so a submission landing during it is never lost.
 */
@Component
class LeaderboardRebuild {

    private static final Logger log = LoggerFactory.getLogger(LeaderboardRebuild.class);
    private static final int CHUNK = 5_000;

    private final StringRedisTemplate redis;
    private final QuizStateMapper state;
    private final Map<Long, Object> localLocks = new ConcurrentHashMap<>();

    LeaderboardRebuild(StringRedisTemplate redis, QuizStateMapper state) {
        this.redis = redis;
        this.state = state;
    }

    /** Returns true when the board is ready in Redis (rebuilt here or by someone else meanwhile). */
    boolean rebuildOrWait(long quizId) {
        String readyKey = RedisLeaderboard.readyKey(quizId);
        synchronized (localLocks.computeIfAbsent(quizId, id -> new Object())) {
            if (Boolean.TRUE.equals(redis.hasKey(readyKey))) {
                return true;
            }
            String lockKey = RedisLeaderboard.lockKey(quizId);
            String token = UUID.randomUUID().toString();
            Boolean locked = redis.opsForValue().setIfAbsent(lockKey, token, Duration.ofSeconds(60));
            if (Boolean.TRUE.equals(locked)) {
                try {
                    rebuild(quizId);
                    return true;
                } finally {
                    redis.execute(LeaderboardScripts.UNLOCK, List.of(lockKey), token);
                }
            }
            // Another instance rebuilds: wait a little for it, then let MySQL answer.
            for (int i = 0; i < 40; i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (Boolean.TRUE.equals(redis.hasKey(readyKey))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Fills the sorted set from MySQL (merging with GT) and marks it ready. */
    private void rebuild(long quizId) {
        byte[] rawKey = NamespacedKeys.raw(redis, RedisLeaderboard.key(quizId));
        long after = 0;
        long count = 0;
        while (true) {
            List<QuizStateMapper.RankRow> chunk = state.rankChunk(quizId, after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            Set<Tuple> tuples = new LinkedHashSet<>();
            for (QuizStateMapper.RankRow row : chunk) {
                tuples.add(new DefaultTuple(row.getResidentId().toString().getBytes(StandardCharsets.UTF_8),
                        row.getRankValue().doubleValue()));
            }
            redis.execute((RedisCallback<Long>) connection -> connection.zSetCommands()
                    .zAdd(rawKey, tuples, RedisZSetCommands.ZAddArgs.empty().gt()));
            count += chunk.size();
            after = chunk.get(chunk.size() - 1).getResidentId();
        }
        redis.opsForValue().set(RedisLeaderboard.readyKey(quizId), "1");
        log.info("Leaderboard {} rebuilt from MySQL: {} entries", quizId, count);
    }
}
