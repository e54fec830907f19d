package cn.yunxi.kepu.quiz;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import cn.yunxi.kepu.common.redis.NamespacedKeys;

/** The Lua scripts of the contest leaderboards in Redis, and the fast way this feature runs them. */
final class LeaderboardScripts {

    /** ZADD GT of value/member pairs: the sorted set keeps each resident's best (a pair seen twice keeps the larger). */
    static final RedisScript<Long> OFFER = new DefaultRedisScript<>(
            "redis.call('ZADD', KEYS[1], 'GT', unpack(ARGV)) return 1", Long.class);

    /** One round trip: ready?, top N with values, my value, how many are strictly above me, total. */
    @SuppressWarnings({"rawtypes"})
    static final RedisScript<List> BOARD = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[2]) == 0 then return {0} end "
                    + "local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES') "
                    + "local mine = redis.call('ZSCORE', KEYS[1], ARGV[2]) "
                    + "local above = -1 "
                    + "if mine then above = redis.call('ZCOUNT', KEYS[1], '(' .. mine, '+inf') else mine = '' end "
                    + "return {1, top, mine, above, redis.call('ZCARD', KEYS[1])}", List.class);

    /**
     * Only the callers' standings, for when this instance has just read the top of the board: ready?, then each
     * caller's value ('' when none) and how many are strictly above it, in the order the callers are given.
     */
    @SuppressWarnings("rawtypes")
    static final RedisScript<List> STANDINGS = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[2]) == 0 then return {0} end "
                    + "local out = {1} "
                    + "for _, member in ipairs(ARGV) do "
                    + "local mine = redis.call('ZSCORE', KEYS[1], member) local above = 0 "
                    + "if mine then above = redis.call('ZCOUNT', KEYS[1], '(' .. mine, '+inf') else mine = '' end "
                    + "out[#out + 1] = mine out[#out + 1] = above end "
                    + "return out", List.class);

    /** Releases the rebuild lock only when this instance still holds it. */
    static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

    private LeaderboardScripts() {
    }

    /**
     * EVALSHA of a script that returns a list, with two keys (as stored, see {@link NamespacedKeys#raw}) and
     * arguments, on a connection of the template's factory but without the template: its script executor's
     * connection proxy and argument and result serialisation, and then its connection binding and pipeline check
     * (each a call through the pausing guard), were a visible share of every leaderboard answer. Elements come
     * back raw: byte[] for strings, Long for integers.
     */
    static List<Object> evalList(StringRedisTemplate redis, RedisScript<?> script, byte[] key1, byte[] key2,
                                 List<String> args) {
        byte[][] keysAndArgs = new byte[args.size() + 2][];
        keysAndArgs[0] = key1;
        keysAndArgs[1] = key2;
        for (int i = 0; i < args.size(); i++) {
            keysAndArgs[i + 2] = args.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return eval(redis, script, ReturnType.MULTI, 2, keysAndArgs);
    }

    /**
     * EVALSHA of {@link #OFFER} on one board's set (its key as stored), the same way as {@link #evalList}: after
     * every graded batch, the template's binding steps cost about as much as the round trip itself.
     */
    static void offer(StringRedisTemplate redis, byte[] key, List<String> valueResidentPairs) {
        byte[][] keyAndArgs = new byte[valueResidentPairs.size() + 1][];
        keyAndArgs[0] = key;
        for (int i = 0; i < valueResidentPairs.size(); i++) {
            keyAndArgs[i + 1] = valueResidentPairs.get(i).getBytes(StandardCharsets.UTF_8);
        }
        eval(redis, OFFER, ReturnType.INTEGER, 1, keyAndArgs);
    }

    /** The script by its digest, sent whole when Redis does not hold it (NOSCRIPT), which also caches it there. */
    private static <T> T eval(StringRedisTemplate redis, RedisScript<?> script, ReturnType returns, int keyCount,
                              byte[][] keysAndArgs) {
        byte[] sha = script.getSha1().getBytes(StandardCharsets.UTF_8);
        try (RedisConnection connection = redis.getRequiredConnectionFactory().getConnection()) {
            try {
                return connection.scriptingCommands().evalSha(sha, returns, keyCount, keysAndArgs);
            } catch (RuntimeException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                // first use since Redis started: send the script itself, which also caches it there
                return connection.scriptingCommands().eval(script.getScriptAsString().getBytes(StandardCharsets.UTF_8),
                        returns, keyCount, keysAndArgs);
            }
        }
    }

    /** Redis answers NOSCRIPT when it does not hold the script (restarted, or SCRIPT FLUSH). */
    private static boolean isNoScript(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    static String text(Object value) {
        return value == null ? "" : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
    }

    static long toLong(Object value) {
        String s = value.toString();
        return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0
                ? (long) Double.parseDouble(s) : Long.parseLong(s);
    }
}
