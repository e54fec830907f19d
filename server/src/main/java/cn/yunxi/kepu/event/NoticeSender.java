package cn.yunxi.kepu.event;

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
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.wechat.WechatSubscribeMessages;
import cn.yunxi.kepu.wechat.WechatSubscribeMessages.Result;

/**
 * Sends due notices. Each is claimed first (PENDING → SENDING by one conditional update), then spends one of the
 * resident's acceptances of that template, then goes to WeChat, then records the outcome. A notice is sent at
 * most once: only a send WeChat certainly did not take (busy -1, 503/429, no connection) goes back to the queue;
 * a send left without an answer (timeout, reset) and a sender that died after claiming leave the notice as
 * UNKNOWN rather than risk a second message. A claim or a notice's later write that InnoDB picks as a deadlock
 * victim (two senders at once) runs again ({@link LockConflicts}), never the WeChat call.
 */
@Component
class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 3;

    private final NoticeMapper notices;
    private final SignupMapper signups;
    private final EventCatalog catalog;
    private final ResidentService residents;
    private final WechatSubscribeMessages wechat;
    private final EventProperties properties;
    private final Clock clock;

    NoticeSender(NoticeMapper notices, SignupMapper signups, EventCatalog catalog, ResidentService residents,
                 WechatSubscribeMessages wechat, EventProperties properties, Clock clock) {
        this.notices = notices;
        this.signups = signups;
        this.catalog = catalog;
        this.residents = residents;
        this.wechat = wechat;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates the 24 h and 2 h reminders that have come due for confirmed signups. */
    int generateReminders() {
        LocalDateTime now = Times.now(clock);
        return notices.generateReminders(Notices.Kind.REMINDER_24H.name(), 24, now)
                + notices.generateReminders(Notices.Kind.REMINDER_2H.name(), 2, now);
    }

    /** Sends up to {@code limit} due notices; returns how many were handled. */
    int sendDue(int limit) {
        List<String> sendable = java.util.Arrays.stream(NoticeTemplate.values())
                .filter(t -> properties.template(t) != null).map(Enum::name).toList();
        String token = UUID.randomUUID().toString();
        // Two senders at once may deadlock in the claim; the loser claims again.
        int count = LockConflicts.retried(() -> {
            LocalDateTime now = Times.now(clock);
            tidy(now);
            return sendable.isEmpty() ? 0 : notices.claim(token, now, limit, sendable);
        });
        if (count == 0) {
            return 0;
        }
        List<Notice> claimed = notices.claimed(token);
        for (Notice n : claimed) {
            handle(n, token);
        }
        return claimed.size();
    }

    /** Gives up on claims a stopped sender left, and on notices a day overdue. */
    private int tidy(LocalDateTime now) {
        int abandoned = notices.abandonStale(now.minus(STALE_CLAIM));
        if (abandoned > 0) {
            log.warn("{} notices were claimed by a sender that stopped; recorded as UNKNOWN, not resent", abandoned);
        }
        return notices.expire(now.minusDays(1));
    }

    private void handle(Notice n, String token) {
        LocalDateTime now = Times.now(clock);
        NoticeTemplate template = NoticeTemplate.valueOf(n.getTemplate());
        boolean reminder = n.getKind().startsWith("REMINDER");
        String templateId = properties.template(template);
        String openid = residents.openid(n.getResidentId()).orElse(null);
        String detail = detail(n);
        if ((reminder && LockConflicts.retried(() -> notices.reminderStillApplies(n.getId())) == 0) || detail == null
                || templateId == null || openid == null) {
            finish(n, token, "SKIPPED", null, now);
            return;
        }
        if (LockConflicts.retried(() -> notices.useQuota(n.getResidentId(), template.name(), now)) == 0) {
            finish(n, token, "NO_QUOTA", null, now);
            return;
        }
        EventSnapshot event = catalog.recent(n.getEventId());
        Result result = wechat.send(openid, templateId,
                properties.noticePage().replace("{id}", Long.toString(n.getEventId())), data(detail, event));
        switch (result.outcome()) {
            case SENT -> finish(n, token, "SENT", 0, now);
            case REFUSED -> {
                // 43101: no acceptance left on WeChat's side; ours was wrong, so it is reset.
                LockConflicts.retriedWrite(() -> notices.clearQuota(n.getResidentId(), template.name(), now));
                finish(n, token, "REFUSED", result.errcode(), now);
            }
            case REJECTED -> finish(n, token, "FAILED", result.errcode(), now);
            case BUSY -> {
                LockConflicts.retriedWrite(() -> notices.addQuota(n.getResidentId(), template.name(), now));
                if (n.getAttempts() < MAX_ATTEMPTS) {
                    LockConflicts.retriedWrite(() -> notices.retryLater(n.getId(), token, result.errcode(),
                            now.plusMinutes(n.getAttempts())));
                } else {
                    finish(n, token, "FAILED", result.errcode(), now);
                }
            }
            case UNKNOWN -> finish(n, token, "UNKNOWN", null, now);
        }
    }

    private void finish(Notice n, String token, String status, Integer errorCode, LocalDateTime now) {
        LockConflicts.retriedWrite(() -> notices.finish(n.getId(), token, status, errorCode, now));
    }

    /** The "thing4" line; null when the notice no longer applies and is skipped. */
    private String detail(Notice n) {
        return switch (Notices.Kind.valueOf(n.getKind())) {
            case REMINDER_24H -> "活动将于明天开始，请准时参加";
            case REMINDER_2H -> "活动即将开始，请提前到场签到";
            case PROMOTED -> "候补成功，您已获得参加名额";
            case CHANGED -> "活动时间或地点有变动，请查看详情";
            case CANCELLED -> "很抱歉，本活动已取消";
            case SEAT_WITHDRAWN -> seatWithdrawn(n);
        };
    }

    /**
     * Written from the signup as it is now, so the waitlist position is the current one. Promoted back in the
     * meantime (the promotion notice says so), left the waitlist themselves, or the event was cancelled (that
     * notice says so): nothing to tell.
     */
    private String seatWithdrawn(Notice n) {
        Signup s = signups.selectById(n.getSignupId());
        if (s == null) {
            return null;
        }
        if (SignupStatus.WAITLISTED.name().equals(s.getStatus())) {
            return "名额缩减，您已转为候补第" + signups.waitlistPosition(s.getEventId(), s.getId()) + "位";
        }
        if (SignupStatus.CANCELLED.name().equals(s.getStatus()) && SeatWithdrawal.REASON.equals(s.getCancelReason())) {
            return "名额缩减，您的报名已取消";
        }
        return null;
    }

    private static Map<String, String> data(String detail, EventSnapshot event) {
        Event e = event.event();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", cut(e.getTitle(), 20));
        data.put("time2", TIME.format(e.getStartsAt()));
        data.put("thing3", cut(e.getVenueName(), 20));
        data.put("thing4", cut(detail, 20));
        return data;
    }

    /** WeChat's "thing" values take at most 20 characters. */
    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
