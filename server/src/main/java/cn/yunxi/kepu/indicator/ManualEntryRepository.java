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

    private static final String SELECT = "SELECT id, indicator_id, kind, as_of, value, note, evidence_keys, status, unit_id, "
            + "submitted_by, submitted_at, reviewed_by, reviewed_at, review_note FROM indicator_manual_entry ";

    /** An entry with the names people read: its indicator, unit, who entered and who reviewed it. */
    private static final String LISTING = "SELECT e.id, e.indicator_id, i.code AS indicator_code, "
            + "i.name AS indicator_name, i.unit AS indicator_unit, i.plan_id, e.kind, e.as_of, e.value, e.note, "
            + "e.evidence_keys, e.status, e.unit_id, u.name AS unit_name, e.submitted_by, "
            + "sb.display_name AS submitted_by_name, e.submitted_at, e.reviewed_by, rb.display_name AS reviewed_by_name, "
            + "e.reviewed_at, e.review_note FROM indicator_manual_entry e JOIN indicator i ON i.id = e.indicator_id "
            + "LEFT JOIN org_unit u ON u.id = e.unit_id LEFT JOIN staff_account sb ON sb.id = e.submitted_by "
            + "LEFT JOIN staff_account rb ON rb.id = e.reviewed_by ";
    private static final String FILTER = "WHERE (? IS NULL OR i.plan_id = ?) AND (? IS NULL OR e.indicator_id = ?) "
            + "AND (? IS NULL OR e.status = ?) AND (? IS NULL OR e.unit_id = ?) ";

    private final JdbcClient jdbc;

    ManualEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Approved values, oldest first: the last one is the indicator's current value. */
    List<ManualEntryRow> approved(long indicatorId) {
        return jdbc.sql(SELECT + "WHERE indicator_id = ? AND kind = 'VALUE' AND status = 'APPROVED' "
                + "ORDER BY as_of, reviewed_at, id").param(indicatorId).query(ManualEntryRow.class).list();
    }

    /** The approved baseline (the latest approved, when it was entered again). */
    Optional<ManualEntryRow> approvedBaseline(long indicatorId) {
        return jdbc.sql(SELECT + "WHERE indicator_id = ? AND kind = 'BASELINE' AND status = 'APPROVED' "
                + "ORDER BY reviewed_at DESC, id DESC LIMIT 1").param(indicatorId).query(ManualEntryRow.class).optional();
    }

    Optional<ManualEntryRow> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(ManualEntryRow.class).optional();
    }

    /**
     * Entries matching every filter given (null = any), newest first; {@code unitId} keeps one unit's entries (a
     * unit's staff see only their own).
     */
    List<EntryListing> listings(EntryFilter filter, int limit, long offset) {
        return jdbc.sql(LISTING + FILTER + "ORDER BY e.submitted_at DESC, e.id DESC LIMIT ? OFFSET ?")
                .params(filter.args(limit, offset)).query(EntryListing.class).list();
    }

    long count(EntryFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM indicator_manual_entry e JOIN indicator i ON i.id = e.indicator_id " + FILTER)
                .params(filter.args()).query(Long.class).single();
    }

    Optional<EntryListing> listing(long id) {
        return jdbc.sql(LISTING + "WHERE e.id = ?").param(id).query(EntryListing.class).optional();
    }

    long insert(long indicatorId, String kind, LocalDate asOf, BigDecimal value, String note, String evidence,
                Long unitId, long submittedBy, LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO indicator_manual_entry (indicator_id, kind, as_of, value, note, evidence_keys, status, "
                        + "unit_id, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?)")
                .params(indicatorId, kind, asOf, value, note, evidence, unitId, submittedBy, now).update(keys);
        return keys.getKey().longValue();
    }

    /** Reviews a SUBMITTED entry; false when it was already reviewed (conditional update, no race). */
    boolean review(long id, String status, long reviewer, LocalDateTime now, String note) {
        return jdbc.sql("UPDATE indicator_manual_entry SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? "
                        + "WHERE id = ? AND status = 'SUBMITTED'")
                .params(status, reviewer, now, note, id).update() == 1;
    }

    record EntryFilter(Long planId, Long indicatorId, String status, Long unitId) {

        Object[] args(Object... more) {
            Object[] base = {planId, planId, indicatorId, indicatorId, status, status, unitId, unitId};
            Object[] out = java.util.Arrays.copyOf(base, base.length + more.length);
            System.arraycopy(more, 0, out, base.length, more.length);
            return out;
        }
    }

    record EntryListing(long id, long indicatorId, String indicatorCode, String indicatorName, String indicatorUnit,
                        long planId, String kind, LocalDate asOf, BigDecimal value, String note, String evidenceKeys,
                        String status, Long unitId, String unitName, long submittedBy, String submittedByName,
                        LocalDateTime submittedAt, Long reviewedBy, String reviewedByName, LocalDateTime reviewedAt,
                        String reviewNote) {
    }
}
