package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;

/**
 * Schedules the subscribe messages of the event feature inside the transaction that causes them; the
 * {@link NoticeSender} sends them later. Only residents with an account can receive them.
 */
@Component
class Notices {

    enum Kind {
        REMINDER_24H(NoticeTemplate.REMINDER), REMINDER_2H(NoticeTemplate.REMINDER),
        PROMOTED(NoticeTemplate.WAITLIST), CHANGED(NoticeTemplate.CHANGE), CANCELLED(NoticeTemplate.CHANGE),
        SEAT_WITHDRAWN(NoticeTemplate.CHANGE);

        final NoticeTemplate template;

        Kind(NoticeTemplate template) {
            this.template = template;
        }
    }

    private final NoticeMapper notices;
    private final Clock clock;

    Notices(NoticeMapper notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    void grantQuota(long residentId, List<NoticeTemplate> accepted) {
        if (accepted == null) {
            return;
        }
        LocalDateTime now = Times.now(clock);
        accepted.stream().distinct().forEach(t -> notices.addQuota(residentId, t.name(), now));
    }

    /** Taken off the waitlist: told at once. Reminders are generated later for every confirmed signup. */
    void promoted(Signup signup) {
        LocalDateTime now = Times.now(clock);
        schedule(signup, Kind.PROMOTED, "once", now, now);
    }

    /** Something a participant relies on changed; {@code version} keeps one notice per change. */
    void changed(Signup signup, String version) {
        LocalDateTime now = Times.now(clock);
        schedule(signup, Kind.CHANGED, version, now, now);
    }

    /**
     * A capacity cut took the seat back. Keyed by the moment, so someone who loses a seat again after being
     * promoted is told again. The text (waitlist position or cancellation) is written when it is sent.
     */
    void seatWithdrawn(Signup signup, LocalDateTime at) {
        schedule(signup, Kind.SEAT_WITHDRAWN, "at:" + at, at, Times.now(clock));
    }

    void eventCancelled(Signup signup) {
        LocalDateTime now = Times.now(clock);
        schedule(signup, Kind.CANCELLED, "once", now, now);
    }

    private void schedule(Signup signup, Kind kind, String dedupe, LocalDateTime dueAt, LocalDateTime now) {
        if (signup.getResidentId() == null || dueAt.isBefore(now.minusMinutes(1))) {
            return;
        }
        Notice n = new Notice();
        n.setEventId(signup.getEventId());
        n.setSignupId(signup.getId());
        n.setResidentId(signup.getResidentId());
        n.setKind(kind.name());
        n.setDedupeKey(dedupe.length() > 64 ? dedupe.substring(0, 64) : dedupe);
        n.setTemplate(kind.template.name());
        n.setDueAt(dueAt);
        n.setCreatedAt(now);
        notices.schedule(n);
    }
}
