package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.geo.Geo;
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
 * once per attendance, after the session, by a conditional update, and only then are {@link ParticipationRecorded}
 * and {@link AttendanceConfirmed} published, in the same transaction. Hours need a confirmed presence and a known
 * time of leaving (a check-out or the organiser's end-of-session confirmation).
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
    private final TicketSigner tickets;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration settleGrace;

    AttendanceService(AttendanceMapper attendance, SignupMapper signups, EventCatalog catalog,
                      CheckinTokens tokens, TicketSigner tickets, ApplicationEventPublisher publisher, PlatformTransactionManager txManager,
                      Clock clock, @Value("${kepu.event.settle-grace:PT12H}") Duration settleGrace) {
        this.settleGrace = settleGrace;
        this.transactions = new TransactionTemplate(txManager);
        this.attendance = attendance;
        this.signups = signups;
        this.catalog = catalog;
        this.tokens = tokens;
        this.tickets = tickets;
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
            // a verified position at check-out confirms presence as well as one at check-in would
            return checkOut(session, existing(signup, session), now, "VENUE_QR", location.verified(), null);
        }
        return checkIn(session, signup, now, "VENUE_QR", null, location);
    }

    /**
     * The organiser scanned a participant's ticket: a check-in (or check-out) the organiser saw, so presence is
     * confirmed, including that of an earlier unverified check-in by the venue code.
     */
    @Transactional
    AttendanceView ticket(EventSnapshot event, CurrentUser staff, String ticket, Long sessionId,
                          CheckinTokens.Purpose purpose) {
        long signupId = tickets.signupId(ticket, tokens);
        return byOrganiser(event, staff, signupId, sessionId, purpose, Times.now(clock), "TICKET");
    }

    /** The organiser ticked a name on the roster (people without phones, proxy signups, walk-ins). */
    @Transactional
    AttendanceView tick(EventSnapshot event, CurrentUser staff, long signupId, long sessionId,
                        CheckinTokens.Purpose purpose) {
        return byOrganiser(event, staff, signupId, sessionId, purpose, Times.now(clock), "TICK");
    }

    /**
     * What an organiser recorded for one signup at {@code at} (now, or when an offline scan happened). The
     * session is the one named, or the one open at {@code at}.
     */
    AttendanceView byOrganiser(EventSnapshot event, CurrentUser staff, long signupId, Long sessionId,
                               CheckinTokens.Purpose purpose, LocalDateTime at, String method) {
        if (event.status() != EventStatus.PUBLISHED) {
            // a finished event's hours are settled; a cancelled one has none
            throw new ApiException(EventErrors.EVENT_NOT_PUBLISHED, "活动已结束或已取消，不能再签到签退");
        }
        Signup signup = signups.selectById(signupId);
        if (signup == null || signup.getEventId() != event.id()) {
            throw new ApiException(EventErrors.TICKET_INVALID, "TICK".equals(method) ? "该报名不属于本活动" : "该凭证不属于本活动");
        }
        if (SignupStatus.CANCELLED.name().equals(signup.getStatus())) {
            throw new ApiException(EventErrors.NOT_SIGNED_UP, "该报名已取消，无法签到");
        }
        if (!SignupStatus.CONFIRMED.name().equals(signup.getStatus())) {
            throw new ApiException(EventErrors.NOT_SIGNED_UP, "该报名尚未确认（候补中），无法签到");
        }
        EventSession session = sessionId != null
                ? event.session(sessionId).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND))
                : purpose == CheckinTokens.Purpose.OUT
                ? event.sessionForCheckOut(at, LATE).orElseThrow(() -> new ApiException(EventErrors.CHECKIN_NOT_OPEN))
                : event.currentSession(at, EARLY).orElseThrow(() -> new ApiException(EventErrors.CHECKIN_NOT_OPEN));
        if (purpose == CheckinTokens.Purpose.OUT) {
            return checkOut(session, existing(signup, session), at, method, true, staff.id());
        }
        return checkIn(session, signup, at, method, staff.id(), Location.SEEN);
    }

    /**
     * The organiser confirms, once the session is over, that these people stayed to its end: their check-out is
     * the session's end. Without this or a check-out of their own, a check-in earns no hours.
     */
    @Transactional
    BulkCheckinResult confirmEnd(EventSnapshot event, CurrentUser staff, long sessionId, List<Long> signupIds) {
        EventSession session = event.session(sessionId)
                .orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND));
        if (Times.now(clock).isBefore(session.getEndsAt())) {
            throw new ApiException(EventErrors.SESSION_NOT_OVER);
        }
        int recorded = 0;
        int already = 0;
        List<Long> skipped = new ArrayList<>();
        for (Long id : signupIds.stream().distinct().toList()) {
            Attendance a = attendance.find(id, sessionId);
            if (a == null || a.getEventId() != event.id() || a.getSettledAt() != null) {
                skipped.add(id);
            } else if (attendance.checkOut(a.getId(), session.getEndsAt(), "END_CONFIRMED") == 1) {
                attendance.confirmPresence(a.getId(), staff.id());
                recorded++;
            } else {
                already++;
            }
        }
        return new BulkCheckinResult(recorded, already, skipped);
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
            Attendance a = newAttendance(s, session, session.getStartsAt(), "BULK", staff.id(), Location.SEEN);
            a.setCheckOutAt(session.getEndsAt());
            a.setCheckOutMethod("BULK");
            if (insert(a)) {
                recorded++;
            } else {
                already++;
            }
        }
        return new BulkCheckinResult(recorded, already, skipped);
    }

    private Attendance existing(Signup signup, EventSession session) {
        Attendance a = attendance.find(signup.getId(), session.getId());
        if (a == null) {
            throw new ApiException(EventErrors.NOT_CHECKED_IN);
        }
        return a;
    }

    private AttendanceView checkIn(EventSession session, Signup signup, LocalDateTime at, String method,
                                   Long staffId, Location location) {
        if (at.isBefore(session.getStartsAt().minus(EARLY)) || !at.isBefore(session.getEndsAt())) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN);
        }
        Attendance a = newAttendance(signup, session, at, method, staffId, location);
        if (insert(a)) {
            return view(a, false);
        }
        Attendance earlier = attendance.find(signup.getId(), session.getId());
        if (location.confirmsPresence() && !earlier.isPresenceConfirmed()) {
            if (earlier.getSettledAt() != null) {
                throw new ApiException(EventErrors.ATTENDANCE_SETTLED);
            }
            // an organiser now sees the person whose own check-in could not be verified
            attendance.confirmPresence(earlier.getId(), staffId);
            return view(attendance.selectById(earlier.getId()), true);
        }
        return view(earlier, true);
    }

    private AttendanceView checkOut(EventSession session, Attendance a, LocalDateTime at, String method,
                                    boolean confirmsPresence, Long staffId) {
        if (at.isAfter(session.getEndsAt().plus(LATE))) {
            throw new ApiException(EventErrors.CHECKIN_NOT_OPEN, "已超过签退时间");
        }
        if (a.getSettledAt() != null) {
            throw new ApiException(EventErrors.ATTENDANCE_SETTLED);
        }
        LocalDateTime leftAt = at.isBefore(a.getCheckInAt()) ? a.getCheckInAt() : at;
        boolean first = attendance.checkOut(a.getId(), leftAt, method) == 1;
        if (confirmsPresence) {
            attendance.confirmPresence(a.getId(), staffId);
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
        a.setPresenceConfirmed(location.confirmsPresence());
        a.setConfirmedBy(location.confirmsPresence() ? staffId : null);
        return a;
    }

    /**
     * Where the person was: a position inside the venue radius ({@code verified}), or seen by an organiser
     * ({@link #SEEN}); either confirms presence. No position confirms nothing.
     */
    record Location(boolean verified, Integer distanceM, boolean confirmsPresence) {
        static final Location SEEN = new Location(false, null, true);
        static final Location UNKNOWN = new Location(false, null, false);
    }

    /**
     * A position inside the venue radius is verified and its distance kept; outside it, check-in is refused with
     * no figure in the message (a distance or the venue's coordinates would let someone tune a fake position).
     * No position (phone denied location), or a venue without coordinates, is accepted unverified: elders are
     * never turned away, but the organiser confirms them before hours count.
     */
    Location locate(Event event, Double latitude, Double longitude) {
        if (latitude == null || longitude == null || event.getLatitude() == null || event.getLongitude() == null) {
            return Location.UNKNOWN;
        }
        double d = Geo.distanceMeters(event.getLatitude().doubleValue(), event.getLongitude().doubleValue(),
                latitude, longitude);
        int metres = (int) Math.round(d);
        if (metres > event.getCheckinRadiusM()) {
            throw new ApiException(EventErrors.TOO_FAR_FROM_VENUE);
        }
        return new Location(true, metres, true);
    }

    /**
     * Settles attendance of sessions that ended more than {@link #settleGrace} ago (so check-outs, the
     * organiser's confirmations and offline scans synced late can still land), each in its own transaction so
     * its events are published with it.
     */
    int settleEnded(int limit) {
        LocalDateTime now = Times.now(clock);
        int settled = 0;
        for (Attendance a : attendance.endedUnsettled(now.minus(settleGrace), limit)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> settleOne(a, now)))) {
                settled++;
            }
        }
        return settled;
    }

    /** The organiser ends the event (only after its last session): everything not yet settled is settled now. */
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
        return settle(attendance.selectById(a.getId()), event, event.session(a.getSessionId()).orElseThrow(), now);
    }

    /**
     * Attended time is the overlap of [check-in, check-out] with the session; hours are credited only when it
     * reaches the event's minimum share and presence was confirmed (a verified position or an organiser). No
     * check-out and no end-of-session confirmation means no known time attended: nothing is credited. Only the
     * first settle of a record counts.
     */
    boolean settle(Attendance a, EventSnapshot event, EventSession session, LocalDateTime now) {
        long attendedSeconds = 0;
        if (a.getCheckOutAt() != null) {
            LocalDateTime from = a.getCheckInAt().isAfter(session.getStartsAt()) ? a.getCheckInAt() : session.getStartsAt();
            LocalDateTime to = a.getCheckOutAt().isBefore(session.getEndsAt()) ? a.getCheckOutAt() : session.getEndsAt();
            attendedSeconds = Math.max(0, Duration.between(from, to).toSeconds());
        }
        long sessionSeconds = Duration.between(session.getStartsAt(), session.getEndsAt()).toSeconds();
        boolean credited = a.isPresenceConfirmed() && a.getCheckOutAt() != null
                && attendedSeconds * 100 >= sessionSeconds * event.event().getMinAttendancePercent();
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
        publisher.publishEvent(ParticipationRecorded.builder(ParticipationKind.EVENT_ATTENDANCE, "attendance:" + a.getId())
                .person(a.getPersonKey(), a.getResidentId(), label)
                .demographics(s.getRegionCode(), s.getPopulationGroup())
                .source("EVENT", event.id(), event.event().getTitle())
                .occurredOn(session.getStartsAt().toLocalDate())
                .indicatorCodes(event.indicatorCodes())
                .hours(hours)
                .build());
        publisher.publishEvent(new AttendanceConfirmed(a.getId(), event.id(), event.kind(), event.event().getTitle(),
                session.getId(), a.getSignupId(), a.getPersonKey(), a.getResidentId(), hours,
                session.getStartsAt().toLocalDate()));
    }

    AttendanceView view(Attendance a, boolean already) {
        return new AttendanceView(a.getId(), a.getEventId(), a.getSessionId(), a.getSignupId(), a.getCheckInMethod(),
                Times.toOffset(a.getCheckInAt()), Times.toOffset(a.getCheckOutAt()),
                Boolean.TRUE.equals(a.getLocationVerified()), a.getDistanceM(), a.isPresenceConfirmed(),
                a.getCheckOutMethod(), a.getAttendedMinutes(), a.getCredited(), a.getHours(), already);
    }
}
