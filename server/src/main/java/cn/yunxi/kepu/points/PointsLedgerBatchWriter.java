package cn.yunxi.kepu.points;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.persistence.MultiRowStatement;

/**
 * Ledger lines of a batch of awards in one round trip: one multi-row INSERT on the transaction's connection
 * ({@link MultiRowStatement}). A MyBatis {@code <foreach>} insert evaluated every parameter of every row through
 * OGNL and cost more than the database work. A duplicate source refuses the whole call (nothing of it is
 * written, even when the lines take more than one statement).
 */
@Component
class PointsLedgerBatchWriter {

    private static final MultiRowStatement INSERT = MultiRowStatement.values("INSERT INTO points_ledger "
            + "(resident_id, reason, source_key, requested, amount, award_day, created_at) VALUES ", 7, "")
            .allOrNothing();

    private final JdbcTemplate jdbc;

    PointsLedgerBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(List<PointsLedgerEntry> lines) {
        INSERT.execute(jdbc, lines, (ps, e) -> {
            ps.setLong(1, e.getResidentId());
            ps.setString(2, e.getReason());
            ps.setString(3, e.getSourceKey());
            ps.setInt(4, e.getRequested());
            ps.setInt(5, e.getAmount());
            ps.setObject(6, e.getAwardDay());
            ps.setObject(7, e.getCreatedAt());
        });
    }
}
