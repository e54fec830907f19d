package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.yunxi.kepu.indicator.PlanRows.ManualEntryRow;

@Repository
class ManualEntryRepository {

    private static final String SELECT = "SELECT id, indicator_id, as_of, value, note, evidence_keys, status, unit_id, "
            + "submitted_by, submitted_at, reviewed_by, reviewed_at, review_note FROM indicator_manual_entry ";

    private final JdbcClient jdbc;

    ManualEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Approved entries, oldest first: the last one is the indicator's current value. */
    List<ManualEntryRow> approved(long indicatorId) {
        return jdbc.sql(SELECT + "WHERE indicator_id = ? AND status = 'APPROVED' ORDER BY as_of, reviewed_at, id")
                .param(indicatorId).query(ManualEntryRow.class).list();
    }

    List<ManualEntryRow> all(long indicatorId) {
        return jdbc.sql(SELECT + "WHERE indicator_id = ? ORDER BY submitted_at DESC, id DESC")
                .param(indicatorId).query(ManualEntryRow.class).list();
    }

    Optional<ManualEntryRow> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(ManualEntryRow.class).optional();
    }

    long insert(long indicatorId, LocalDate asOf, BigDecimal value, String note, String evidence, Long unitId,
                long submittedBy, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO indicator_manual_entry (indicator_id, as_of, value, note, evidence_keys, status, unit_id, "
                        + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)")
                .params(indicatorId, asOf, value, note, evidence, unitId, submittedBy, now).update(keys);
        return keys.getKey().longValue();
    }

    /** Reviews a SUBMITTED entry; false when it was already reviewed (conditional update, no race). */
    boolean review(long id, String status, long reviewer, LocalDateTime now, String note) {
        return jdbc.sql("UPDATE indicator_manual_entry SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? "
                        + "WHERE id = ? AND status = 'SUBMITTED'")
                .params(status, reviewer, now, note, id).update() == 1;
    }
}
