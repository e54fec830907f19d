package cn.yunxi.kepu.event;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which unit runs an event, for features that attach something to an event (a course lesson taught by an offline
 * class) and must keep staff to their own unit's events, as the event feature itself does.
 */
@Component
public class EventOrganisers {

    private final EventMapper events;

    EventOrganisers(EventMapper events) {
        this.events = events;
    }

    /** The organising unit of the event, or empty when there is no such event. */
    public Optional<Long> organiserUnit(long eventId) {
        return Optional.ofNullable(events.selectById(eventId)).map(Event::getOrganiserUnitId);
    }
}
