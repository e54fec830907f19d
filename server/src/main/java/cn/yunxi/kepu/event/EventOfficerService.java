package cn.yunxi.kepu.event;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.FieldError;
import cn.yunxi.kepu.event.EventViews.OrganiserOfficerView;
import cn.yunxi.kepu.officer.ApprovedOfficer;
import cn.yunxi.kepu.officer.OfficerActivityService;
import cn.yunxi.kepu.resident.ResidentDeleted;

/**
 * 科普信息员 who organise or co-organise an event. Staff name them on the event (each must be an approved 科普信息员
 * or 科普宣传员); when the event is finished each one still approved is credited with an officer activity on the
 * day of the event's last session held. The credit is an OFFICER_ACTIVITY {@link ParticipationRecorded}, which the
 * officer feature turns into "active" (the plan's 科普信息员覆盖率) and the indicator ledger keeps; the event
 * feature never touches the officers' tables.
 */
@Service
class EventOfficerService implements PersonalDataSection {

    static final String ORGANISERS_FIELD = "organiserOfficerResidentIds";

    private final EventOfficerRepository repository;
    private final OfficerActivityService officers;
    private final ApplicationEventPublisher publisher;

    EventOfficerService(EventOfficerRepository repository, OfficerActivityService officers,
                        ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.officers = officers;
        this.publisher = publisher;
    }

    /** Field errors for organisers who are not approved officers or are named twice; none for a null list. */
    List<FieldError> check(List<Long> residentIds) {
        List<FieldError> errors = new ArrayList<>();
        if (residentIds == null) {
            return errors;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < residentIds.size(); i++) {
            Long id = residentIds.get(i);
            String field = ORGANISERS_FIELD + "[" + i + "]";
            if (!seen.add(id)) {
                errors.add(new FieldError(field, "第 " + (i + 1) + " 位组织者重复"));
            } else if (officers.approved(id).isEmpty()) {
                errors.add(new FieldError(field, "第 " + (i + 1) + " 位组织者不是已审核通过的科普信息员或科普宣传员"));
            }
        }
        return errors;
    }

    /** Sets the event's organising officers; a null list leaves them as they are (clients that do not know them). */
    void replaceOrganisers(long eventId, List<Long> residentIds) {
        if (residentIds != null) {
            repository.replaceOrganisers(eventId, residentIds);
        }
    }

    List<OrganiserOfficerView> organisers(long eventId) {
        return repository.organisers(eventId).stream().map(id -> {
            Optional<ApprovedOfficer> o = officers.approved(id);
            return new OrganiserOfficerView(id, o.map(ApprovedOfficer::nameMasked).orElse(null),
                    o.map(x -> x.role().label()).orElse(null), o.isPresent());
        }).toList();
    }

    /** The event was finished: its organising officers ran an activity (published inside the finishing transaction). */
    void creditOrganisers(EventSnapshot event, LocalDateTime now) {
        LocalDate day = event.sessions().stream().map(EventSession::getStartsAt).filter(s -> !s.isAfter(now))
                .max(LocalDateTime::compareTo).orElse(event.event().getStartsAt()).toLocalDate();
        for (Long residentId : repository.organisers(event.id())) {
            officers.approved(residentId).ifPresent(o -> publisher.publishEvent(officerActivity(
                    "event-organiser:" + event.id() + ":" + residentId, o, event, day)));
        }
    }

    static ParticipationRecorded officerActivity(String recordKey, ApprovedOfficer officer, EventSnapshot event,
                                                 LocalDate day) {
        return ParticipationRecorded.builder(ParticipationKind.OFFICER_ACTIVITY, recordKey)
                .resident(officer.residentId(), officer.nameMasked())
                .demographics(officer.regionCode(), null)
                .source("EVENT", event.id(), event.event().getTitle())
                .occurredOn(day)
                .build();
    }

    // ---- personal data -----------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "eventOfficerRoles";
    }

    @Override
    public Object export(long residentId) {
        return new ExportedOfficerRoles(repository.organisedBy(residentId),
                repository.helpersOfResident(residentId).stream().map(h -> new ExportedHelperCheckin(h.eventId(),
                        h.sessionId(), Times.toOffset(h.checkInAt()), h.locationVerified(), h.presenceConfirmed()))
                        .toList());
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        repository.forget(deleted.residentId());
    }

    record ExportedOfficerRoles(List<Long> organisedEventIds, List<ExportedHelperCheckin> helperCheckins) {
    }

    /** {@code presenceConfirmed}: it counts as an activity (position verified, or confirmed by the organiser). */
    record ExportedHelperCheckin(long eventId, long sessionId, java.time.OffsetDateTime checkInAt,
                                 boolean locationVerified, boolean presenceConfirmed) {
    }
}
