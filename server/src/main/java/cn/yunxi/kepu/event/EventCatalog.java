package cn.yunxi.kepu.event;

import java.time.Duration;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.concurrent.RecentValues;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Reads events with their sessions, keeping each for a moment in memory: the hot signup paths (and the refusal
 * of a full event) read an event thousands of times a second. Nothing here decides a seat; the conditional
 * update in the database does, so a snapshot a second old can at worst send one request to the database.
 * An expired snapshot is reloaded by one request while the others keep using the previous one (see
 * {@link RecentValues}): a crowd on one event used to reload it dozens of times at each expiry.
 */
@Component
class EventCatalog {

    static final Duration TTL = Duration.ofSeconds(1);

    private final EventMapper events;
    private final EventSessionMapper sessions;
    private final StaffService staff;
    private final RecentValues<Long, EventSnapshot> cache = new RecentValues<>(TTL, 10_000, this::load);

    EventCatalog(EventMapper events, EventSessionMapper sessions, StaffService staff) {
        this.events = events;
        this.sessions = sessions;
        this.staff = staff;
    }

    /** A recent snapshot (at most {@link #TTL} plus the time of one reload old). */
    EventSnapshot recent(long eventId) {
        return cache.get(eventId);
    }

    /** Read straight from the database (staff screens, anything that writes). */
    EventSnapshot load(long eventId) {
        Event event = events.selectById(eventId);
        if (event == null) {
            throw new ApiException(EventErrors.EVENT_NOT_FOUND);
        }
        return of(event);
    }

    EventSnapshot of(Event event) {
        String unitName = staff.unit(event.getOrganiserUnitId()).map(UnitView::name).orElse(null);
        return EventSnapshot.of(event, sessions.ofEvent(event.getId()), unitName);
    }

    /** The database just refused a seat on an event without waitlist: later refusals need not ask it. */
    void markFull(long eventId) {
        cache.update(eventId, EventSnapshot::markedFull);
    }

    void invalidate(long eventId) {
        cache.invalidate(eventId);
    }
}
