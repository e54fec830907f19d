package cn.yunxi.kepu.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.persistence.LockConflicts;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.resident.ResidentOpenidService;
import cn.yunxi.kepu.wechat.WechatSubscribeMessages;
import cn.yunxi.kepu.wechat.WechatSubscribeMessages.Result;

/**
 * Sends queued emergency messages. Each is claimed first (PENDING → SENDING by one conditional update, so two
 * instances never take the same row), then one of the resident's acceptances is spent by a conditional decrement
 * (none left: NO_QUOTA, nothing sent; the banner tells them), then WeChat is called once. 43101 means WeChat has no
 * acceptance for this resident: the spent one stays spent and the rest is set to zero, the notice is REFUSED. Only
 * "busy" (-1, known not sent) gives the acceptance back and tries again; a sender that died after claiming leaves
 * the notice UNKNOWN rather than risk a second message. Two senders at once may deadlock in the claim or in a
 * notice's later writes (the claim's index scan and a write by primary key lock index and row records in different
 * orders); the loser's statement runs again ({@link LockConflicts}), never the WeChat call.
 */
@Component
class EmergencySender {

    private static final Logger log = LoggerFactory.getLogger(EmergencySender.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 3;

    private final EmergencyRepository repository;
    private final ResidentOpenidService openids;
    private final WechatSubscribeMessages wechat;
    private final EmergencyProperties properties;
    private final Clock clock;

    EmergencySender(EmergencyRepository repository, ResidentOpenidService openids, WechatSubscribeMessages wechat,
                    EmergencyProperties properties, Clock clock) {
        this.repository = repository;
        this.openids = openids;
        this.wechat = wechat;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends up to {@code limit} due messages; returns how many were handled. */
    int sendDue(int limit) {
        if (properties.templateId() == null) {
            // Without a template id nothing can be sent; the rows wait (and the banner still shows).
            LockConflicts.retried(() -> tidy(Times.now(clock)));
            return 0;
        }
        String token = UUID.randomUUID().toString();
        int count = LockConflicts.retried(() -> {
            LocalDateTime now = Times.now(clock);
            tidy(now);
            return repository.claim(token, now, limit);
        });
        if (count == 0) {
            return 0;
        }
        List<EmergencyRepository.NoticeRow> claimed = repository.claimed(token);
        for (EmergencyRepository.NoticeRow n : claimed) {
            handle(n, token);
        }
        return claimed.size();
    }

    /** Gives up on claims a stopped sender left, and drops messages about emergencies that have ended. */
    private int tidy(LocalDateTime now) {
        int abandoned = repository.abandonStale(now.minus(STALE_CLAIM));
        if (abandoned > 0) {
            log.warn("{} emergency messages were claimed by a sender that stopped; recorded as UNKNOWN, not resent",
                    abandoned);
        }
        return repository.skipEnded(now);
    }

    private void handle(EmergencyRepository.NoticeRow n, String token) {
        LocalDateTime now = Times.now(clock);
        EmergencyRepository.Row emergency = repository.find(n.emergencyId()).orElse(null);
        String openid = openids.openid(n.residentId()).orElse(null);
        if (emergency == null || !emergency.endsAt().isAfter(now) || openid == null) {
            finish(n, token, "SKIPPED", null, now);
            return;
        }
        if (LockConflicts.retried(() -> repository.useQuota(n.residentId(), now)) == 0) {
            finish(n, token, "NO_QUOTA", null, now);
            return;
        }
        Result result = wechat.send(openid, properties.templateId(), properties.noticePage(), data(emergency));
        switch (result.outcome()) {
            case SENT -> finish(n, token, "SENT", 0, now);
            case REFUSED -> {
                LockConflicts.retriedWrite(() -> repository.clearQuota(n.residentId(), now));
                finish(n, token, "REFUSED", result.errcode(), now);
            }
            case REJECTED -> finish(n, token, "FAILED", result.errcode(), now);
            case BUSY -> {
                LockConflicts.retriedWrite(() -> repository.addQuota(n.residentId(), now));
                if (n.attempts() < MAX_ATTEMPTS) {
                    LockConflicts.retriedWrite(() -> repository.retryLater(n.id(), token, result.errcode(),
                            now.plusSeconds(10L * n.attempts())));
                } else {
                    finish(n, token, "FAILED", result.errcode(), now);
                }
            }
            case UNKNOWN -> finish(n, token, "UNKNOWN", null, now);
        }
    }

    private void finish(EmergencyRepository.NoticeRow n, String token, String status, Integer errorCode,
                        LocalDateTime now) {
        LockConflicts.retriedWrite(() -> repository.finish(n.id(), token, status, errorCode, now));
    }

    private static Map<String, String> data(EmergencyRepository.Row e) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", cut(e.title(), 20));
        data.put("thing2", cut(e.body(), 20));
        data.put("time3", TIME.format(e.endsAt()));
        return data;
    }

    /** WeChat's "thing" values take at most 20 characters. */
    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
