package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A participant attended a session long enough for it to count, and its hours were credited. Published once
 * per attendance record inside the transaction that settles it (Spring Modulith keeps it until handled), for
 * points and the volunteer registry's service hours.
 *
 * @param personKey {@code R:<residentId>} or {@code P:<phone hash>} for people signed up by proxy
 * @param residentId the participant's account, when they have one
 */
public record AttendanceConfirmed(long attendanceId, long eventId, EventKind eventKind, String eventTitle,
                                  long sessionId, long signupId, String personKey, Long residentId,
                                  BigDecimal hours, LocalDate occurredOn) {
}
