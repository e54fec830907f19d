package cn.yunxi.kepu.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statements of one seat batch in plain JDBC: the event row lock and the insert of its signups (one statement). The batch runs under the event row lock on a single
 * thread per event, so one round trip per signup was what bounded a crowd's signups per second; now a batch costs
 * two (the insert, then its ids) whatever its size. The rows are those {@link SignupMapper#place} writes, column
 * for column.
 */
@Component
class SignupBatchWriter {

    private static final String COLUMNS = "INSERT INTO event_signup (event_id, person_key, active_person_key, "
            + "resident_id, status, waitlist_order, proxy, proxied_by_type, proxied_by_id, name_cipher, name_masked, "
            + "phone_cipher, phone_hash, phone_masked, form_answers, region_code, population_group, created_at, "
            + "confirmed_at, cancelled_at, cancel_reason) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, COALESCE(?, 0), COALESCE(?, FALSE), ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;

    SignupBatchWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a seat batch needs of its event. */
    record SeatState(String status, int capacity, int taken, boolean waitlistEnabled) {
    }

    /**
     * Locks the event row as {@link EventMapper#lock} does, reading only the seat columns: the whole entity through
     * the mapper (plugins, automatic mapping of every column) was most of the seat thread's CPU after the insert.
     */
    @Nullable SeatState lock(long eventId) {
        return jdbc.sql("SELECT status, capacity, taken, waitlist_enabled FROM event WHERE id = ? FOR UPDATE")
                .param(eventId)
                .query((rs, n) -> new SeatState(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
                .optional().orElse(null);
    }

    /**
     * Inserts the active signups of one event (distinct people) and sets their ids. Ids are assigned in list order
     * within the statement, so arrival order is kept. A duplicate key fails the whole statement and leaves nothing
     * of it (the caller then places them one by one, as before).
     */
    void insertAll(long eventId, List<Signup> rows) {
        StringBuilder sql = new StringBuilder(COLUMNS.length() + rows.size() * (ROW.length() + 2)).append(COLUMNS);
        List<Object> params = new ArrayList<>(rows.size() * 21);
        for (int i = 0; i < rows.size(); i++) {
            Signup s = rows.get(i);
            sql.append(i == 0 ? "" : ", ").append(ROW);
            params.add(s.getEventId());
            params.add(s.getPersonKey());
            params.add(s.getActivePersonKey());
            params.add(s.getResidentId());
            params.add(s.getStatus());
            params.add(s.getWaitlistOrder());
            params.add(s.getProxy());
            params.add(s.getProxiedByType());
            params.add(s.getProxiedById());
            params.add(s.getNameCipher());
            params.add(s.getNameMasked());
            params.add(s.getPhoneCipher());
            params.add(s.getPhoneHash());
            params.add(s.getPhoneMasked());
            params.add(s.getFormAnswers());
            params.add(s.getRegionCode());
            params.add(s.getPopulationGroup());
            params.add(s.getCreatedAt());
            params.add(s.getConfirmedAt());
            params.add(s.getCancelledAt());
            params.add(s.getCancelReason());
        }
        jdbc.sql(sql.toString()).params(params).update();
        // Read back by the unique key rather than trusting consecutive generated keys, which InnoDB promises only
        // in some auto-increment lock modes.
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, active_person_key FROM event_signup WHERE event_id = :event AND active_person_key IN (:keys)")
                .param("event", eventId)
                .param("keys", rows.stream().map(Signup::getActivePersonKey).toList())
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
                .list();
        for (Signup s : rows) {
            Long id = ids.get(s.getActivePersonKey());
            if (id == null) {
                throw new IllegalStateException("signup of " + s.getActivePersonKey() + " not found after its insert");
            }
            s.setId(id);
        }
    }
}
