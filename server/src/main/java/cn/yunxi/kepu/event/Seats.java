package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;

/**
 * Seat moves that involve the waitlist. Callers hold the event row lock ({@link EventMapper#lock}), so seat
 * count and waitlist change together: {@code taken} always equals the number of confirmed signups.
 */
@Component
class Seats {

    private final EventMapper events;
    private final SignupMapper signups;
    private final Notices notices;
    private final Clock clock;

    Seats(EventMapper events, SignupMapper signups, Notices notices, Clock clock) {
        this.events = events;
        this.signups = signups;
        this.notices = notices;
        this.clock = clock;
    }

    /** A confirmed seat was given up: it passes to the head of the waitlist, or becomes free. */
    void seatFreed(Event locked) {
        LocalDateTime now = Times.now(clock);
        for (Signup head : signups.waitlistHead(locked.getId(), 1)) {
            if (signups.promote(head.getId(), now) == 1) {
                notices.promoted(head);
                return;
            }
        }
        events.releaseSeat(locked.getId());
    }

    /** Capacity grew (or seats were freed in bulk): promote waitlisted people while seats are free. */
    int fillFromWaitlist(Event locked) {
        int free = locked.getCapacity() - locked.getTaken();
        if (free <= 0 || !EventStatus.PUBLISHED.name().equals(locked.getStatus())) {
            return 0;
        }
        LocalDateTime now = Times.now(clock);
        int promoted = 0;
        List<Signup> heads = signups.waitlistHead(locked.getId(), free);
        for (Signup head : heads) {
            if (events.takeSeat(locked.getId()) == 1 && signups.promote(head.getId(), now) == 1) {
                notices.promoted(head);
                promoted++;
            }
        }
        return promoted;
    }
}
