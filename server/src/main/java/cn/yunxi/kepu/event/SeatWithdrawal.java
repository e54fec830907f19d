package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Lowering an event's capacity below its confirmed seats (the venue moved to a smaller room). The most recently
 * confirmed lose their seat: with a waitlist they go to its front, ahead of everyone already waiting and in their
 * original order, so they are the first promoted if seats come back; without one they are cancelled
 * ({@code CAPACITY_REDUCED}). People who have already checked in keep their seat: they are at the venue, and
 * their attendance is what the plan's figures count.
 *
 * <p>The caller holds the event row lock ({@link EventMapper#lock}), which every seat move takes, so a signup
 * being placed at the same moment waits and then sees the new, smaller capacity.
 */
@Component
class SeatWithdrawal {

    static final String REASON = "CAPACITY_REDUCED";

    /** What a capacity change did to confirmed seats. */
    record Outcome(int withdrawn, int waitlisted, int cancelled) {
        static final Outcome NONE = new Outcome(0, 0, 0);
    }

    private final EventMapper events;
    private final SignupMapper signups;
    private final Notices notices;
    private final Clock clock;

    SeatWithdrawal(EventMapper events, SignupMapper signups, Notices notices, Clock clock) {
        this.events = events;
        this.signups = signups;
        this.notices = notices;
        this.clock = clock;
    }

    /** How many confirmed seats a capacity of {@code capacity} would take back. */
    static int excess(Event locked, int capacity) {
        return Math.max(0, locked.getTaken() - capacity);
    }

    /**
     * Takes back the seats beyond {@code capacity} and lowers {@code taken} to it; {@code locked} is updated to
     * match. {@code waitlist} is whether the event keeps a waitlist after the edit.
     */
    Outcome withdraw(Event locked, int capacity, boolean waitlist) {
        int excess = excess(locked, capacity);
        if (excess == 0) {
            return Outcome.NONE;
        }
        long eventId = locked.getId();
        List<Signup> losing = new ArrayList<>(signups.latestConfirmedNotCheckedIn(eventId, excess));
        if (losing.size() < excess) {
            int present = signups.confirmedCheckedIn(eventId);
            throw new ApiException(EventErrors.CAPACITY_BELOW_CHECKED_IN,
                    "已有 " + present + " 人签到，名额不能少于 " + present);
        }
        // Selected newest first; queued (and numbered) in the order they were confirmed.
        Collections.reverse(losing);
        LocalDateTime now = Times.now(clock);
        long front = signups.waitlistFront(eventId);
        int waitlisted = 0;
        int cancelled = 0;
        for (int i = 0; i < losing.size(); i++) {
            Signup s = losing.get(i);
            boolean moved = waitlist
                    ? signups.demote(s.getId(), front - losing.size() + i) == 1
                    : signups.cancel(s.getId(), SignupStatus.CONFIRMED.name(), REASON, now) == 1;
            if (!moved) {
                // Rows were read FOR UPDATE under the event lock: nothing can have changed them.
                throw new IllegalStateException("signup " + s.getId() + " changed under the event lock");
            }
            if (waitlist) {
                waitlisted++;
            } else {
                cancelled++;
            }
            notices.seatWithdrawn(s, now);
        }
        if (events.releaseSeats(eventId, excess) != 1) {
            throw new IllegalStateException("seat count changed under the event lock");
        }
        locked.setTaken(locked.getTaken() - excess);
        return new Outcome(excess, waitlisted, cancelled);
    }
}
