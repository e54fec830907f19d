package cn.yunxi.kepu.common.ratelimit;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.CommonErrors;

/**
 * Fixed-window counters in Redis, shared by every server instance. Used where a call costs money or quota
 * (WeChat login, phone binding, comments checked by msgSecCheck), database work (search, data export) or invites
 * guessing (staff passwords). If Redis is down the limit is skipped:
 * these limits protect quotas, they are not the only guard of correctness.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final RedisScript<Long> INCREMENT = new DefaultRedisScript<>(
            "local n = redis.call('INCR', KEYS[1]) "
                    + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
                    + "return n", Long.class);

    private final StringRedisTemplate redis;

    RateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one call against {@code limit} per {@code window}; throws RATE_LIMITED (429) beyond it. */
    public void acquire(String bucket, String subject, int limit, Duration window) {
        acquire(bucket, subject, limit, window, null);
    }

    /** As {@link #acquire(String, String, int, Duration)}, with a Chinese {@code detail} naming the limit reached. */
    public void acquire(String bucket, String subject, int limit, Duration window, String detail) {
        String key = "kepu:rate:" + bucket + ":" + subject;
        Long count;
        try {
            count = redis.execute(INCREMENT, List.of(key), Long.toString(window.toMillis()));
        } catch (RuntimeException e) {
            log.warn("Rate limiter skipped, Redis unavailable: {}", e.getMessage());
            return;
        }
        if (count != null && count > limit) {
            throw detail == null ? new ApiException(CommonErrors.RATE_LIMITED)
                    : new ApiException(CommonErrors.RATE_LIMITED, detail);
        }
    }
}
