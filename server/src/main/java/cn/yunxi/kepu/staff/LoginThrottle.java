package cn.yunxi.kepu.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without handing anyone a way to lock an account: failures are counted per
 * (username, client address) and per client address in Redis (shared by every instance). Past a threshold, that
 * pair or that address must wait, one minute doubling with every further failure up to fifteen; the owner, from
 * their own address, is never held up by someone else's guesses. Times come from the application clock and are
 * stored as values (Redis only expires idle counters), so a backoff is the same on every instance. If Redis is
 * down the throttle is skipped: BCrypt's cost still bounds guessing.
 */
@Component
class LoginThrottle {

    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    private static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /** Counters of a pair or address quiet this long start again from zero. */
    private static final Duration IDLE_RESET = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** KEYS[1] counter hash; ARGV now, threshold, first backoff, max backoff, idle ttl (ms). */
    private static final RedisScript<Long> FAIL = new DefaultRedisScript<>(
            "local n = redis.call('HINCRBY', KEYS[1], 'n', 1) "
                    + "local t = tonumber(ARGV[2]) "
                    + "if n >= t then "
                    + "  local e = math.min(n - t, 10) "
                    + "  local b = math.min(tonumber(ARGV[3]) * (2 ^ e), tonumber(ARGV[4])) "
                    + "  redis.call('HSET', KEYS[1], 'until', string.format('%d', tonumber(ARGV[1]) + b)) "
                    + "end "
                    + "redis.call('PEXPIRE', KEYS[1], ARGV[5]) "
                    + "return n", Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    LoginThrottle(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Whether this pair or this address must still wait. */
    boolean throttled(String username, String address) {
        long now = clock.millis();
        try {
            return waiting(pairKey(username, address), now) || waiting(addressKey(address), now);
        } catch (RuntimeException e) {
            log.warn("Login throttle skipped, Redis unavailable: {}", e.getMessage());
            return false;
        }
    }

    void failed(String username, String address) {
        String now = Long.toString(clock.millis());
        String first = Long.toString(FIRST_BACKOFF.toMillis());
        String max = Long.toString(MAX_BACKOFF.toMillis());
        String idle = Long.toString(IDLE_RESET.toMillis());
        try {
            redis.execute(FAIL, List.of(pairKey(username, address)), now,
                    Integer.toString(PER_ACCOUNT_AND_ADDRESS), first, max, idle);
            redis.execute(FAIL, List.of(addressKey(address)), now, Integer.toString(PER_ADDRESS), first, max, idle);
        } catch (RuntimeException e) {
            log.warn("Login throttle skipped, Redis unavailable: {}", e.getMessage());
        }
    }

    /** A successful login from this address clears its pair (not the address: other names may be guessed). */
    void succeeded(String username, String address) {
        try {
            redis.delete(pairKey(username, address));
        } catch (RuntimeException e) {
            log.warn("Login throttle not cleared, Redis unavailable: {}", e.getMessage());
        }
    }

    private boolean waiting(String key, long now) {
        Object until = redis.opsForHash().get(key, "until");
        return until != null && Long.parseLong(until.toString()) > now;
    }

    private static String pairKey(String username, String address) {
        return "kepu:login:pair:" + username.strip().toLowerCase(Locale.ROOT) + ":" + address;
    }

    private static String addressKey(String address) {
        return "kepu:login:addr:" + address;
    }
}
