package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code organiser_binding} rows. A binding is active while {@code active_staff_id} and
 * {@code active_resident_id} are set; the unique keys on them make "one WeChat per staff account and one staff
 * account per WeChat" a rule of the database. Ending a binding clears them and keeps the row as its record.
 */
@Repository
class OrganiserBindingRepository {

    record Binding(long id, long staffId, long residentId, LocalDateTime boundAt) {
    }

    private final JdbcClient jdbc;

    OrganiserBindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Binding> activeOfResident(long residentId) {
        return jdbc.sql("SELECT id, staff_id, resident_id, bound_at FROM organiser_binding WHERE active_resident_id = ?")
                .param(residentId).query(Binding.class).optional();
    }

    /** Inserts an active binding; a concurrent one for the same staff account or WeChat fails on the unique keys. */
    void insert(long staffId, long residentId, LocalDateTime now, String from) {
        jdbc.sql("INSERT INTO organiser_binding (staff_id, resident_id, active_staff_id, active_resident_id, bound_at, "
                        + "bound_from) VALUES (?, ?, ?, ?, ?, ?)")
                .params(staffId, residentId, staffId, residentId, now, from).update();
    }

    int endForResident(long residentId, String reason, LocalDateTime now) {
        return jdbc.sql("UPDATE organiser_binding SET ended_at = ?, end_reason = ?, active_staff_id = NULL, "
                + "active_resident_id = NULL WHERE active_resident_id = ?").params(now, reason, residentId).update();
    }

    int endForStaff(long staffId, String reason, LocalDateTime now) {
        return jdbc.sql("UPDATE organiser_binding SET ended_at = ?, end_reason = ?, active_staff_id = NULL, "
                + "active_resident_id = NULL WHERE active_staff_id = ?").params(now, reason, staffId).update();
    }

    /** After account deletion the history keeps who the staff member was and when, not which resident. */
    void forgetResident(long residentId) {
        jdbc.sql("UPDATE organiser_binding SET resident_id = NULL WHERE resident_id = ?").param(residentId).update();
    }
}
