package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The officers named as an event's organisers and the officers' helper check-ins. */
@Repository
class EventOfficerRepository {

    private static final String HELPER = "SELECT id, event_id, session_id, resident_id, check_in_at, location_verified, "
            + "distance_m, presence_confirmed FROM event_helper_checkin ";

    private final JdbcClient jdbc;

    EventOfficerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> organisers(long eventId) {
        return jdbc.sql("SELECT resident_id FROM event_officer_organiser WHERE event_id = ? ORDER BY sort_order")
                .param(eventId).query(Long.class).list();
    }

    void replaceOrganisers(long eventId, List<Long> residentIds) {
        jdbc.sql("DELETE FROM event_officer_organiser WHERE event_id = ?").param(eventId).update();
        for (int i = 0; i < residentIds.size(); i++) {
            jdbc.sql("INSERT INTO event_officer_organiser (event_id, resident_id, sort_order) VALUES (?, ?, ?)")
                    .params(eventId, residentIds.get(i), i).update();
        }
    }

    /** Events the resident is named to organise, for their data export. */
    List<Long> organisedBy(long residentId) {
        return jdbc.sql("SELECT event_id FROM event_officer_organiser WHERE resident_id = ? ORDER BY event_id")
                .param(residentId).query(Long.class).list();
    }

    /**
     * Inserts the helper check-in, present at once when its position was verified; empty when the officer had
     * already checked in to this session.
     */
    Optional<Long> insertHelper(long eventId, long sessionId, long residentId, LocalDateTime at, boolean verified,
                                Integer distanceM) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO event_helper_checkin (event_id, session_id, resident_id, check_in_at, "
                            + "location_verified, distance_m, presence_confirmed) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(eventId, sessionId, residentId, at, verified, distanceM, verified).update(keys);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    Optional<HelperRow> helper(long sessionId, long residentId) {
        return jdbc.sql(HELPER + "WHERE session_id = ? AND resident_id = ?").params(sessionId, residentId)
                .query(HelperRow.class).optional();
    }

    /**
     * A later scan near the venue verifies an unverified check-in; true only for the one call that did (so the
     * activity is credited once).
     */
    boolean verifyHelper(long id, int distanceM) {
        return jdbc.sql("UPDATE event_helper_checkin SET location_verified = TRUE, distance_m = ?, "
                        + "presence_confirmed = TRUE WHERE id = ? AND presence_confirmed = FALSE")
                .params(distanceM, id).update() == 1;
    }

    /** The organiser confirms an unverified check-in; true only for the one call that did. */
    boolean confirmHelper(long id, long staffId, LocalDateTime at) {
        return jdbc.sql("UPDATE event_helper_checkin SET presence_confirmed = TRUE, confirmed_by = ?, confirmed_at = ? "
                        + "WHERE id = ? AND presence_confirmed = FALSE AND resident_id IS NOT NULL")
                .params(staffId, at, id).update() == 1;
    }

    Optional<HelperRow> helperOfEvent(long eventId, long id) {
        return jdbc.sql(HELPER + "WHERE id = ? AND event_id = ?").params(id, eventId).query(HelperRow.class).optional();
    }

    HelperRow helper(long id) {
        return jdbc.sql(HELPER + "WHERE id = ?").param(id).query(HelperRow.class).single();
    }

    List<HelperRow> helpersOfEvent(long eventId) {
        return jdbc.sql(HELPER + "WHERE event_id = ? ORDER BY session_id, check_in_at, id").param(eventId)
                .query(HelperRow.class).list();
    }

    List<HelperRow> helpersOfResident(long residentId) {
        return jdbc.sql(HELPER + "WHERE resident_id = ? ORDER BY id").param(residentId).query(HelperRow.class).list();
    }

    /** Account deletion: the resident is no longer named anywhere; their check-ins stay, anonymous. */
    void forget(long residentId) {
        jdbc.sql("DELETE FROM event_officer_organiser WHERE resident_id = ?").param(residentId).update();
        jdbc.sql("UPDATE event_helper_checkin SET resident_id = NULL WHERE resident_id = ?").param(residentId).update();
    }

    record HelperRow(long id, long eventId, long sessionId, Long residentId, LocalDateTime checkInAt,
                     boolean locationVerified, Integer distanceM, boolean presenceConfirmed) {
    }
}
