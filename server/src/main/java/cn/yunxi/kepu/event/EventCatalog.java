package cn.yunxi.kepu.event;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Reads events with their sessions, keeping each for a moment in memory: the hot signup paths (and the refusal
 * of a full event) read an event thousands of times a second. Nothing here decides a seat; the conditional
 * update in the database does, so a snapshot a second old can at worst send one request to the database.
 */
@Component
class EventCatalog {

    static final Duration TTL = Duration.ofSeconds(1);

    private final EventMapper events;
    private final EventSessionMapper sessions;
    private final StaffService staff;
    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    EventCatalog(EventMapper events, EventSessionMapper sessions, StaffService staff) {
        this.events = events;
        this.sessions = sessions;
        this.staff = staff;
    }

    private record Cached(EventSnapshot snapshot, long loadedAt) {
    }

    /** A recent snapshot (at most {@link #TTL} old). */
    EventSnapshot recent(long eventId) {
        long now = System.nanoTime();
        Cached cached = cache.get(eventId);
        if (cached != null && now - cached.loadedAt() < TTL.toNanos()) {
            return cached.snapshot();
        }
        EventSnapshot fresh = load(eventId);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(eventId, new Cached(fresh, now));
        return fresh;
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
        cache.computeIfPresent(eventId, (id, c) -> new Cached(c.snapshot().markedFull(), c.loadedAt()));
    }

    void invalidate(long eventId) {
        cache.remove(eventId);
    }
}
