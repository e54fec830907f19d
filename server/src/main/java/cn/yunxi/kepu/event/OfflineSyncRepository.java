package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organiser_sync_op} rows: one per operation id the organiser's phone generated. */
@Repository
class OfflineSyncRepository {

    record StoredOp(String opId, long staffId, String outcome, Long attendanceId, String code, String detail) {
    }

    private final JdbcClient jdbc;

    OfflineSyncRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredOp> find(String opId) {
        return jdbc.sql("SELECT op_id, staff_id, outcome, attendance_id, code, detail FROM organiser_sync_op "
                + "WHERE op_id = ?").param(opId).query(StoredOp.class).optional();
    }

    /** Fails on the primary key when the operation was already recorded (a resend, possibly concurrent). */
    void insert(String opId, long staffId, long eventId, String outcome, Long attendanceId, String code, String detail,
                LocalDateTime occurredAt, LocalDateTime now) {
        jdbc.sql("INSERT INTO organiser_sync_op (op_id, staff_id, event_id, outcome, attendance_id, code, detail, "
                        + "occurred_at, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(opId, staffId, eventId, outcome, attendanceId, code, detail, occurredAt, now).update();
    }
}
