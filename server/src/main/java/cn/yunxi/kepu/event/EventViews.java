package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.yunxi.kepu.resident.PopulationGroup;

/** Response records of the event APIs. */
final class EventViews {

    private EventViews() {
    }

    record VenueView(String name, String address, BigDecimal latitude, BigDecimal longitude, int checkinRadiusM) {
    }

    record SessionView(long id, int seq, OffsetDateTime startsAt, OffsetDateTime endsAt, BigDecimal hours) {
    }

    record EligibilityView(List<PopulationGroup> groups, List<String> regions, Integer minAge, Integer maxAge,
                           boolean volunteersOnly) {
    }

    /** The caller's own signup, when showing an event to a resident. */
    record MySignupView(long id, SignupStatus status, Integer waitlistPosition) {
    }

    record EventView(long id, EventKind kind, String kindLabel, EventStatus status, String title,
                     String description, long organiserUnitId, String organiserUnitName, VenueView venue,
                     List<SessionView> sessions, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline,
                     int capacity, int taken, int seatsLeft, boolean waitlistEnabled, EligibilityView eligibility,
                     List<FormField> formFields, List<String> indicatorCodes, BigDecimal trainingHours,
                     int minAttendancePercent, MySignupView mySignup) {
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
                      Integer waitlistPosition, boolean proxy, String participantName, String participantPhone,
                      OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime cancelledAt,
                      String ticket) {
    }

    record CheckinTokenView(String token, OffsetDateTime issuedAt, OffsetDateTime expiresAt,
                            long refreshAfterSeconds, long sessionId, CheckinTokens.Purpose purpose) {
    }

    /**
     * @param locationVerified false when the phone sent no position (never a reason to turn an elder away)
     * @param distanceM        distance from the venue when a position was sent
     * @param credited         null until the session is settled (check-out or session end)
     */
    record AttendanceView(long id, long eventId, long sessionId, long signupId, String method,
                          OffsetDateTime checkInAt, OffsetDateTime checkOutAt, boolean locationVerified,
                          Integer distanceM, Integer attendedMinutes, Boolean credited, BigDecimal hours,
                          boolean alreadyRecorded) {
    }

    record BulkCheckinResult(int recorded, int alreadyRecorded, List<Long> skippedSignupIds) {
    }

    record RosterAttendance(long sessionId, int seq, OffsetDateTime checkInAt, OffsetDateTime checkOutAt,
                            String method, boolean locationVerified, Integer distanceM, Boolean credited,
                            BigDecimal hours) {
    }

    /** One participant on the roster; phone masked unless the viewer may see phones. */
    record RosterEntry(long signupId, SignupStatus status, Integer waitlistPosition, String name, String phone,
                       boolean proxy, String regionCode, String populationGroup, OffsetDateTime createdAt,
                       List<RosterAttendance> attendance, BigDecimal creditedHours, java.util.Map<String, String> form) {
    }

    record Roster(long eventId, String title, int capacity, int confirmed, int waitlisted, int cancelled,
                  List<SessionView> sessions, List<RosterEntry> entries) {
    }
}
