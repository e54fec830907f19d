package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.yunxi.kepu.resident.PopulationGroup;
import io.swagger.v3.oas.annotations.media.Schema;

/** Response records of the event APIs. */
final class EventViews {

    private EventViews() {
    }

    record VenueView(String name, @Nullable String address, @Nullable BigDecimal latitude,
                     @Nullable BigDecimal longitude, int checkinRadiusM) {
    }

    @Schema(name = "EventSessionView")
    record SessionView(long id, int seq, OffsetDateTime startsAt, OffsetDateTime endsAt, BigDecimal hours) {
    }

    record EligibilityView(List<PopulationGroup> groups, List<String> regions, Integer minAge, Integer maxAge,
                           boolean volunteersOnly) {
    }

    /** The caller's own signup, when showing an event to a resident. */
    record MySignupView(long id, SignupStatus status, Integer waitlistPosition) {
    }

    record EventView(long id, EventKind kind, String kindLabel, EventStatus status, String title,
                     @Nullable String description, long organiserUnitId, String organiserUnitName, VenueView venue,
                     List<SessionView> sessions, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline,
                     int capacity, int taken, int seatsLeft, boolean waitlistEnabled, EligibilityView eligibility,
                     List<FormField> formFields, List<String> indicatorCodes, BigDecimal trainingHours,
                     int minAttendancePercent, @Nullable MySignupView mySignup,
                     @Nullable List<OrganiserOfficerView> organiserOfficers) {
    }

    /**
     * A 科普信息员 or 科普宣传员 named as an organiser of the event (staff views only; null in residents' views).
     *
     * @param name      the officer's masked name; null when not {@code approved} (no officer record to name them)
     * @param roleLabel null when not {@code approved}, for the same reason
     * @param approved  false when the resident is no longer an approved officer: finishing the event credits them
     *                  nothing
     */
    record OrganiserOfficerView(long residentId, @Nullable String name, @Nullable String roleLabel, boolean approved) {
    }

    /**
     * An officer's check-in as a helper at a session.
     *
     * @param presenceConfirmed true when it counts as an activity: the position was verified or the organiser
     *                          confirmed it; false while it waits for the organiser
     */
    record HelperCheckinView(long id, long eventId, long sessionId, OffsetDateTime checkInAt,
                             boolean locationVerified, Integer distanceM, boolean presenceConfirmed,
                             boolean alreadyRecorded) {
    }

    /**
     * One officer who checked in as a helper, as the event's organisers see them.
     *
     * @param presenceConfirmed false while an unverified check-in waits for the organiser's confirmation
     * @param confirmable       the organiser may confirm it now (unconfirmed, and still an approved officer's)
     */
    record HelperView(long id, long sessionId, String name, @Nullable String roleLabel, OffsetDateTime checkInAt,
                      boolean locationVerified, boolean presenceConfirmed, boolean confirmable) {
    }

    /**
     * The answer to an edit: the event as before (its fields at the top level), plus what the edit did to seats.
     */
    record EventEditView(@JsonUnwrapped EventView event, SeatChangeView seatChange) {
    }

    /**
     * @param withdrawn  confirmed seats taken back because the capacity went below them
     * @param waitlisted of those, moved to the front of the waitlist
     * @param cancelled  of those, cancelled (the event has no waitlist)
     * @param promoted   waitlisted people given a seat because the capacity grew
     */
    record SeatChangeView(int withdrawn, int waitlisted, int cancelled, int promoted) {
    }

    /** One line of the resident-facing list. */
    record EventSummaryView(long id, EventKind kind, String kindLabel, EventStatus status, String title,
                            String organiserUnitName, String venueName, OffsetDateTime startsAt,
                            OffsetDateTime endsAt, int capacity, int seatsLeft, boolean waitlistEnabled,
                            BigDecimal trainingHours) {
    }

    /**
     * @param ticket signed ticket for the organiser to scan; only for the participant's own confirmed signups
     */
    record SignupView(long id, long eventId, String eventTitle, OffsetDateTime eventStartsAt, SignupStatus status,
                      Integer waitlistPosition, boolean proxy, @Nullable String participantName,
                      @Nullable String participantPhone, OffsetDateTime createdAt, @Nullable OffsetDateTime confirmedAt,
                      @Nullable OffsetDateTime cancelledAt, @Nullable String ticket) {
    }

    /**
     * @param url        what the QR code encodes: the configured link prefix with {@code ?t=<token>}
     * @param checkedIn  people checked in to this session so far; {@code checkedOut} of them have left
     */
    record VenueCodeView(String token, String url, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                         long refreshAfterSeconds, long sessionId, CheckinTokens.Purpose purpose, int checkedIn,
                         int checkedOut) {
    }

    /**
     * A participant's own attendance of one session. {@code credited} and {@code hours} are null until the
     * session is settled; {@code presenceConfirmed} false means the organiser has yet to confirm the check-in.
     */
    record MyAttendance(long sessionId, OffsetDateTime checkInAt, @Nullable OffsetDateTime checkOutAt,
                        boolean presenceConfirmed, Boolean credited, @Nullable BigDecimal hours) {
    }

    /**
     * What became of one synced operation. {@code outcome}: APPLIED; CONFLICT (the person was already recorded,
     * e.g. the same ticket scanned on another phone: the earlier check-in time stands and {@code detail} says
     * what was kept); REFUSED ({@code code} and {@code detail} say why, e.g. outside the session's window).
     * {@code duplicate}: this operation had been synced before and this is its recorded outcome.
     */
    record SyncResult(String opId, String outcome, boolean duplicate, @Nullable String code, @Nullable String detail,
                      @Nullable AttendanceView attendance) {
    }

    /** A walk-in registered at the door: the organiser's proxy signup and, when confirmed, the check-in. */
    record WalkInView(SignupView signup, @Nullable AttendanceView attendance) {
    }

    record CheckinTokenView(String token, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                            long refreshAfterSeconds, long sessionId, CheckinTokens.Purpose purpose) {
    }

    /**
     * @param locationVerified false when the phone sent no position (never a reason to turn an elder away)
     * @param distanceM        distance from the venue when a position was sent
     * @param presenceConfirmed a verified position or an organiser saw the person; without it no hours count
     * @param checkOutMethod   how the leaving time is known (END_CONFIRMED: the organiser confirmed the stay to
     *                         the end); null: not known, and no hours count
     * @param credited         null until the session is settled (after the session ends)
     */
    record AttendanceView(long id, long eventId, long sessionId, long signupId, String method, OffsetDateTime checkInAt,
                          @Nullable OffsetDateTime checkOutAt, boolean locationVerified, Integer distanceM,
                          boolean presenceConfirmed, @Nullable String checkOutMethod, Integer attendedMinutes,
                          Boolean credited, @Nullable BigDecimal hours, boolean alreadyRecorded) {
    }

    record BulkCheckinResult(int recorded, int alreadyRecorded, List<Long> skippedSignupIds) {
    }

    record RosterAttendance(long sessionId, int seq, OffsetDateTime checkInAt, @Nullable OffsetDateTime checkOutAt,
                            String method, boolean locationVerified, Integer distanceM, Boolean credited,
                            @Nullable BigDecimal hours, boolean presenceConfirmed, @Nullable String checkOutMethod) {
    }

    /** One participant on the roster; phone masked unless the viewer may see phones. */
    /** @param proxiedBy who made a proxy signup (居民 / 工作人员 and who), null for one's own signup */
    record RosterEntry(long signupId, SignupStatus status, Integer waitlistPosition, @Nullable String name,
                       @Nullable String phone, boolean proxy, @Nullable String proxiedBy, @Nullable String regionCode,
                       @Nullable String populationGroup, OffsetDateTime createdAt, List<RosterAttendance> attendance,
                       BigDecimal creditedHours, java.util.Map<String, String> form) {
    }

    record Roster(long eventId, String title, int capacity, int confirmed, int waitlisted, int cancelled,
                  List<SessionView> sessions, List<RosterEntry> entries) {
    }

    /**
     * The venue screen's live numbers for one session.
     *
     * @param confirmed confirmed signups of the event (who could still come)
     */
    record VenueCount(long sessionId, int checkedIn, int checkedOut, int confirmed) {
    }

    /** What the staff pick from when setting up an event. */
    record EventOptions(List<EventKindOption> kinds, List<EventIndicatorOption> indicators) {
    }

    record EventKindOption(EventKind value, String label) {
    }

    /** A plan indicator an event's attendance may count toward. */
    record EventIndicatorOption(String code, String name) {
    }
}
