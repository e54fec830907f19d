package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventOfficerRepository.HelperRow;
import cn.yunxi.kepu.event.EventRequests.CheckinRequest;
import cn.yunxi.kepu.event.EventViews.HelperCheckinView;
import cn.yunxi.kepu.event.EventViews.HelperView;
import cn.yunxi.kepu.officer.ApprovedOfficer;
import cn.yunxi.kepu.officer.OfficerActivityService;

/**
 * A 科普信息员 or 科普宣传员 helping at an event checks in by scanning the venue code, like a participant but without a
 * signup: the same check-in window and location rule, once per session. A check-in whose position was verified near
 * the venue credits the officer with an activity on the session's day at once (an OFFICER_ACTIVITY participation,
 * published with the check-in). One without a verified position (no position sent, or a venue without coordinates)
 * could be a forwarded screenshot scanned at home, so it counts only when the event's organiser confirms it, or when
 * the officer scans again near the venue: the same honest-hours rule as attendees' check-ins.
 */
@Service
class HelperCheckinService {

    private final EventOfficerRepository repository;
    private final OfficerActivityService officers;
    private final CheckinTokens tokens;
    private final EventCatalog catalog;
    private final AttendanceService attendance;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    HelperCheckinService(EventOfficerRepository repository, OfficerActivityService officers, CheckinTokens tokens,
                         EventCatalog catalog, AttendanceService attendance, ApplicationEventPublisher publisher,
                         Clock clock) {
        this.repository = repository;
        this.officers = officers;
        this.tokens = tokens;
        this.catalog = catalog;
        this.attendance = attendance;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    HelperCheckinView checkIn(CurrentUser user, CheckinRequest request) {
        CheckinTokens.VenueClaims claims = tokens.verifyVenue(request.token());
        if (claims.purpose() != CheckinTokens.Purpose.IN) {
            throw new ApiException(EventErrors.CHECKIN_TOKEN_INVALID, "协助签到请扫描现场的签到码（不是签退码）");
        }
        EventSnapshot event = catalog.recent(claims.eventId());
        EventSession session = event.session(claims.sessionId())
                .orElseThrow(() -> new ApiException(EventErrors.CHECKIN_TOKEN_INVALID));
        if (event.status() != EventStatus.PUBLISHED) {
            throw new ApiException(EventErrors.EVENT_NOT_PUBLISHED);
        }
        ApprovedOfficer officer = officers.approved(user.id())
                .orElseThrow(() -> new ApiException(EventErrors.NOT_AN_OFFICER));
        LocalDateTime now = Times.now(clock);
        if (now.isBefore(session.getStartsAt().minus(AttendanceService.EARLY)) || !now.isBefore(session.getEndsAt())) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN);
        }
        AttendanceService.Location location = attendance.locate(event.event(), request.latitude(), request.longitude());
        Optional<Long> inserted = repository.insertHelper(event.id(), session.getId(), user.id(), now,
                location.verified(), location.distanceM());
        if (inserted.isEmpty()) {
            HelperRow existing = repository.helper(session.getId(), user.id()).orElseThrow();
            if (location.verified() && repository.verifyHelper(existing.id(), location.distanceM())) {
                credit(existing.id(), officer, event, session);
                existing = repository.helper(existing.id());
            }
            return view(existing, true);
        }
        if (location.verified()) {
            credit(inserted.get(), officer, event, session);
        }
        return view(repository.helper(inserted.get()), false);
    }

    /**
     * The organiser saw the officer helping: an unverified check-in now counts (once). Confirming one that already
     * counts changes nothing; one whose officer deleted the account or left the register cannot be credited.
     */
    @Transactional
    HelperView confirm(EventSnapshot event, CurrentUser staff, long helperCheckinId) {
        if (event.status() != EventStatus.PUBLISHED && event.status() != EventStatus.FINISHED) {
            throw new ApiException(EventErrors.EVENT_NOT_PUBLISHED);
        }
        HelperRow h = repository.helperOfEvent(event.id(), helperCheckinId)
                .orElseThrow(() -> new ApiException(EventErrors.HELPER_CHECKIN_NOT_FOUND));
        if (h.presenceConfirmed()) {
            return view(h);
        }
        ApprovedOfficer officer = (h.residentId() == null ? Optional.<ApprovedOfficer>empty()
                : officers.approved(h.residentId()))
                .orElseThrow(() -> new ApiException(EventErrors.HELPER_NOT_CONFIRMABLE));
        EventSession session = event.session(h.sessionId()).orElseThrow();
        if (repository.confirmHelper(h.id(), staff.id(), Times.now(clock))) {
            credit(h.id(), officer, event, session);
        }
        return view(repository.helper(h.id()));
    }

    /** Who helped at the event, for its organisers. */
    List<HelperView> helpers(EventSnapshot event) {
        return repository.helpersOfEvent(event.id()).stream().map(this::view).toList();
    }

    private void credit(long helperCheckinId, ApprovedOfficer officer, EventSnapshot event, EventSession session) {
        publisher.publishEvent(EventOfficerService.officerActivity("event-helper:" + helperCheckinId, officer, event,
                session.getStartsAt().toLocalDate()));
    }

    private HelperView view(HelperRow h) {
        Optional<ApprovedOfficer> o = h.residentId() == null ? Optional.empty() : officers.approved(h.residentId());
        return new HelperView(h.id(), h.sessionId(), o.map(ApprovedOfficer::nameMasked).orElse("（已注销或已不在册）"),
                o.map(x -> x.role().label()).orElse(null), Times.toOffset(h.checkInAt()), h.locationVerified(),
                h.presenceConfirmed(), !h.presenceConfirmed() && o.isPresent());
    }

    private static HelperCheckinView view(HelperRow h, boolean already) {
        return new HelperCheckinView(h.id(), h.eventId(), h.sessionId(), Times.toOffset(h.checkInAt()),
                h.locationVerified(), h.distanceM(), h.presenceConfirmed(), already);
    }
}
