package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventRequests.CheckinRequest;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.BulkCheckinResult;
import cn.yunxi.kepu.event.EventViews.CheckinTokenView;

/**
 * Check-in, check-out and hours. Check-in is idempotent per signup and session (unique key); settling is done
 * once per attendance by a conditional update, and only then are {@link ParticipationRecorded} and
 * {@link AttendanceConfirmed} published, in the same transaction.
 */
@Service
class AttendanceService {

    /** Check-in opens this long before a session starts. */
    static final Duration EARLY = Duration.ofMinutes(60);
    /** Check-out stays possible this long after a session ends. */
    static final Duration LATE = Duration.ofMinutes(60);

    private final AttendanceMapper attendance;
    private final SignupMapper signups;
    private final EventCatalog catalog;
    private final CheckinTokens tokens;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AttendanceService(AttendanceMapper attendance, SignupMapper signups, EventCatalog catalog,
                      CheckinTokens tokens, ApplicationEventPublisher publisher, PlatformTransactionManager txManager,
                      Clock clock) {
        this.transactions = new TransactionTemplate(txManager);
        this.attendance = attendance;
        this.signups = signups;
        this.catalog = catalog;
        this.tokens = tokens;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What the organiser's screen shows; it asks again after {@code refreshAfterSeconds}. */
    CheckinTokenView venueToken(EventSnapshot event, long sessionId, CheckinTokens.Purpose purpose) {
        event.session(sessionId).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND));
        CheckinTokens.VenueToken t = tokens.venueToken(event.id(), sessionId, purpose);
        return new CheckinTokenView(t.token(), t.issuedAt().atZone(clock.getZone()).toOffsetDateTime(),
                t.expiresAt().atZone(clock.getZone()).toOffsetDateTime(), t.refreshAfter().toSeconds(), sessionId,
                purpose);
    }

    /** A resident scanned the venue QR: check in or out, depending on the code shown. */
    @Transactional
    AttendanceView scan(CurrentUser user, CheckinRequest request) {
        CheckinTokens.VenueClaims claims = tokens.verifyVenue(request.token());
        EventSnapshot event = catalog.recent(claims.eventId());
        EventSession session = event.session(claims.sessionId())
                .orElseThrow(() -> new ApiException(EventErrors.CHECKIN_TOKEN_INVALID));
        Signup signup = signups.active(event.id(), ParticipationRecorded.residentKey(user.id()));
        if (signup == null || !SignupStatus.CONFIRMED.name().equals(signup.getStatus())) {
            throw new ApiException(EventErrors.NOT_SIGNED_UP);
        }
        LocalDateTime now = Times.now(clock);
        Location location = locate(event.event(), request.latitude(), request.longitude());
        if (claims.purpose() == CheckinTokens.Purpose.OUT) {
            return checkOut(event, session, signup, now);
        }
        return checkIn(event, session, signup, now, "VENUE_QR", null, location);
    }

    /** The organiser scanned a participant's ticket. */
    @Transactional
    AttendanceView ticket(EventSnapshot event, CurrentUser staff, String ticket, Long sessionId) {
        long signupId = tokens.verifyTicket(ticket);
        Signup signup = signups.selectById(signupId);
        if (signup == null || signup.getEventId() != event.id()) {
            throw new ApiException(EventErrors.TICKET_INVALID, "该凭证不属于本活动");
        }
        if (!SignupStatus.CONFIRMED.name().equals(signup.getStatus())) {
            throw new ApiException(EventErrors.NOT_SIGNED_UP, "该报名未确认或已取消，无法签到");
        }
        LocalDateTime now = Times.now(clock);
        EventSession session = sessionId != null
                ? event.session(sessionId).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND))
                : event.currentSession(now, EARLY).orElseThrow(() -> new ApiException(EventErrors.CHECKIN_NOT_OPEN));
        return checkIn(event, session, signup, now, "TICKET", staff.id(), new Location(false, null));
    }

    /**
     * The organiser confirms from the paper sign-in sheet that these people (typically signed up by proxy)
     * attended the whole session: recorded as present from start to end, by that organiser.
     */
    @Transactional
    BulkCheckinResult bulk(EventSnapshot event, CurrentUser staff, long sessionId, List<Long> signupIds) {
        EventSession session = event.session(sessionId)
                .orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND));
        LocalDateTime now = Times.now(clock);
        if (now.isBefore(session.getStartsAt())) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN, "场次开始后才能批量签到");
        }
        int recorded = 0;
        int already = 0;
        List<Long> skipped = new ArrayList<>();
        for (Long id : signupIds.stream().distinct().toList()) {
            Signup s = signups.selectById(id);
            if (s == null || s.getEventId() != event.id() || !SignupStatus.CONFIRMED.name().equals(s.getStatus())) {
                skipped.add(id);
                continue;
            }
            Attendance a = newAttendance(s, session, session.getStartsAt(), "BULK", staff.id(), new Location(false, null));
            a.setCheckOutAt(session.getEndsAt());
            if (insert(a)) {
                recorded++;
                settle(a, event, session, now);
            } else {
                already++;
            }
        }
        return new BulkCheckinResult(recorded, already, skipped);
    }

    private AttendanceView checkIn(EventSnapshot event, EventSession session, Signup signup, LocalDateTime now,
                                   String method, Long staffId, Location location) {
        if (now.isBefore(session.getStartsAt().minus(EARLY)) || !now.isBefore(session.getEndsAt())) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN);
        }
        Attendance a = newAttendance(signup, session, now, method, staffId, location);
        if (!insert(a)) {
            return view(attendance.find(signup.getId(), session.getId()), true);
        }
        return view(a, false);
    }

    private AttendanceView checkOut(EventSnapshot event, EventSession session, Signup signup, LocalDateTime now) {
        Attendance a = attendance.find(signup.getId(), session.getId());
        if (a == null) {
            throw new ApiException(EventErrors.NOT_CHECKED_IN);
        }
        if (now.isAfter(session.getEndsAt().plus(LATE))) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN, "已超过签退时间");
        }
        boolean first = attendance.checkOut(a.getId(), now) == 1;
        if (first) {
            a.setCheckOutAt(now);
            settle(a, event, session, now);
        }
        return view(attendance.selectById(a.getId()), !first);
    }

    private boolean insert(Attendance a) {
        try {
            attendance.insert(a);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Attendance newAttendance(Signup s, EventSession session, LocalDateTime at, String method, Long staffId,
                                     Location location) {
        Attendance a = new Attendance();
        a.setSignupId(s.getId());
        a.setEventId(s.getEventId());
        a.setSessionId(session.getId());
        a.setPersonKey(s.getPersonKey());
        a.setResidentId(s.getResidentId());
        a.setCheckInAt(at);
        a.setCheckInMethod(method);
        a.setCheckedInBy(staffId);
        a.setLocationVerified(location.verified());
        a.setDistanceM(location.distanceM());
        return a;
    }

    record Location(boolean verified, Integer distanceM) {
    }

    /**
     * A position inside the venue radius is verified and its distance kept; outside it, check-in is refused.
     * No position (phone denied location) is accepted as "location not verified": elders are never turned away.
     */
    Location locate(Event event, Double latitude, Double longitude) {
        if (latitude == null || longitude == null || event.getLatitude() == null || event.getLongitude() == null) {
            return new Location(false, null);
        }
        double d = Geo.distanceMetres(event.getLatitude().doubleValue(), event.getLongitude().doubleValue(),
                latitude, longitude);
        int metres = (int) Math.round(d);
        if (metres > event.getCheckinRadiusM()) {
            throw new ApiException(EventErrors.TOO_FAR_FROM_VENUE,
                    "您距离活动现场约 " + metres + " 米，超出签到范围（" + event.getCheckinRadiusM() + " 米）");
        }
        return new Location(true, metres);
    }

    /**
     * Settles attendance of sessions that have ended (those who never checked out left at the end), each in its
     * own transaction so its events are published with it.
     */
    int settleEnded(int limit) {
        LocalDateTime now = Times.now(clock);
        int settled = 0;
        for (Attendance a : attendance.endedUnsettled(now, limit)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> settleOne(a, now)))) {
                settled++;
            }
        }
        return settled;
    }

    @Transactional
    void settleEvent(long eventId) {
        LocalDateTime now = Times.now(clock);
        EventSnapshot event = catalog.load(eventId);
        for (Attendance a : attendance.unsettledOfEvent(eventId)) {
            settle(a, event, event.session(a.getSessionId()).orElseThrow(), now);
        }
    }

    private boolean settleOne(Attendance a, LocalDateTime now) {
        EventSnapshot event = catalog.recent(a.getEventId());
        return settle(a, event, event.session(a.getSessionId()).orElseThrow(), now);
    }

    /**
     * Attended time is the overlap of [check-in, check-out or session end] with the session; hours are credited
     * only when it reaches the event's minimum share. Only the first settle of a record counts.
     */
    boolean settle(Attendance a, EventSnapshot event, EventSession session, LocalDateTime now) {
        LocalDateTime from = a.getCheckInAt().isAfter(session.getStartsAt()) ? a.getCheckInAt() : session.getStartsAt();
        LocalDateTime leftAt = a.getCheckOutAt() == null ? session.getEndsAt() : a.getCheckOutAt();
        LocalDateTime to = leftAt.isBefore(session.getEndsAt()) ? leftAt : session.getEndsAt();
        long attendedSeconds = Math.max(0, Duration.between(from, to).toSeconds());
        long sessionSeconds = Duration.between(session.getStartsAt(), session.getEndsAt()).toSeconds();
        boolean credited = attendedSeconds * 100 >= sessionSeconds * event.event().getMinAttendancePercent();
        BigDecimal hours = credited ? session.getHours() : BigDecimal.ZERO;
        int minutes = (int) (attendedSeconds / 60);
        if (attendance.settle(a.getId(), minutes, credited, hours, now) != 1) {
            return false;
        }
        if (credited) {
            publishCredited(a, event, session, hours);
        }
        return true;
    }

    private void publishCredited(Attendance a, EventSnapshot event, EventSession session, BigDecimal hours) {
        Signup s = signups.selectById(a.getSignupId());
        String label = s.getNameMasked() != null ? s.getNameMasked()
                : s.getPhoneMasked() != null ? s.getPhoneMasked() : "居民" + Objects.requireNonNullElse(s.getResidentId(), 0L);
        publisher.publishEvent(new ParticipationRecorded("attendance:" + a.getId(), ParticipationKind.EVENT_ATTENDANCE,
                a.getPersonKey(), a.getResidentId(), label, s.getRegionCode(), s.getPopulationGroup(), "EVENT",
                event.id(), event.event().getTitle(), session.getStartsAt().toLocalDate(), event.indicatorCodes(),
                hours, null, false));
        publisher.publishEvent(new AttendanceConfirmed(a.getId(), event.id(), event.kind(), event.event().getTitle(),
                session.getId(), a.getSignupId(), a.getPersonKey(), a.getResidentId(), hours,
                session.getStartsAt().toLocalDate()));
    }

    AttendanceView view(Attendance a, boolean already) {
        return new AttendanceView(a.getId(), a.getEventId(), a.getSessionId(), a.getSignupId(), a.getCheckInMethod(),
                Times.toOffset(a.getCheckInAt()), Times.toOffset(a.getCheckOutAt()),
                Boolean.TRUE.equals(a.getLocationVerified()), a.getDistanceM(), a.getAttendedMinutes(),
                a.getCredited(), a.getHours(), already);
    }
}
