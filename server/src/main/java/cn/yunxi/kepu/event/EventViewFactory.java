package cn.yunxi.kepu.event;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.event.EventViews.EligibilityView;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.event.EventViews.MySignupView;
import cn.yunxi.kepu.event.EventViews.OrganiserOfficerView;
import cn.yunxi.kepu.event.EventViews.SessionView;
import cn.yunxi.kepu.event.EventViews.VenueView;

@Component
class EventViewFactory {

    private final EventOfficerService officers;

    EventViewFactory(EventOfficerService officers) {
        this.officers = officers;
    }

    /** The event as staff see it: with the officers named as its organisers. */
    EventView forStaff(EventSnapshot s) {
        return view(s, null, officers.organisers(s.id()));
    }

    /** The event as a resident sees it, with their own signup. */
    EventView view(EventSnapshot s, MySignupView mine) {
        return view(s, mine, null);
    }

    private EventView view(EventSnapshot s, MySignupView mine, List<OrganiserOfficerView> organiserOfficers) {
        Event e = s.event();
        List<cn.yunxi.kepu.resident.PopulationGroup> groups = new ArrayList<>(s.groups());
        groups.sort(null);
        List<String> regions = new ArrayList<>(s.regions());
        regions.sort(null);
        return new EventView(e.getId(), s.kind(), s.kind().label(), s.status(), e.getTitle(), e.getDescription(),
                e.getOrganiserUnitId(), s.unitName(),
                new VenueView(e.getVenueName(), e.getVenueAddress(), e.getLatitude(), e.getLongitude(),
                        e.getCheckinRadiusM()),
                sessions(s.sessions()), Times.toOffset(e.getStartsAt()), Times.toOffset(e.getEndsAt()),
                Times.toOffset(e.getSignupOpensAt()), Times.toOffset(e.getSignupClosesAt()),
                Times.toOffset(e.getCancelDeadline()), e.getCapacity(), e.getTaken(),
                Math.max(0, e.getCapacity() - e.getTaken()), Boolean.TRUE.equals(e.getWaitlistEnabled()),
                new EligibilityView(groups, regions, e.getMinAge(), e.getMaxAge(),
                        Boolean.TRUE.equals(e.getVolunteersOnly())),
                s.formFields(), s.indicatorCodes(), e.getTrainingHours(), e.getMinAttendancePercent(), mine,
                organiserOfficers);
    }

    EventSummaryView summary(Event e, String unitName) {
        EventKind kind = EventKind.valueOf(e.getKind());
        return new EventSummaryView(e.getId(), kind, kind.label(), EventStatus.valueOf(e.getStatus()), e.getTitle(),
                unitName, e.getVenueName(), Times.toOffset(e.getStartsAt()), Times.toOffset(e.getEndsAt()),
                e.getCapacity(), Math.max(0, e.getCapacity() - e.getTaken()),
                Boolean.TRUE.equals(e.getWaitlistEnabled()), e.getTrainingHours());
    }

    static List<SessionView> sessions(List<EventSession> sessions) {
        return sessions.stream().map(x -> new SessionView(x.getId(), x.getSeq(), Times.toOffset(x.getStartsAt()),
                Times.toOffset(x.getEndsAt()), x.getHours())).toList();
    }
}
