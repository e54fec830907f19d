package cn.yunxi.kepu.points;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ledger lines of a batch of awards in one round trip: a JDBC batch on the transaction's connection, which
 * Connector/J sends as one multi-row INSERT ({@code rewriteBatchedStatements}). A MyBatis {@code <foreach>} insert
 * evaluated every parameter of every row through OGNL and cost more than the database work. A duplicate source
 * refuses the whole statement (nothing of it is written).
 */
@Component
class PointsLedgerBatchWriter {

    private static final String INSERT = "INSERT INTO points_ledger (resident_id, reason, source_key, requested, "
            + "amount, award_day, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    PointsLedgerBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(List<PointsLedgerEntry> lines) {
        jdbc.batchUpdate(INSERT, lines, lines.size(), (ps, e) -> {
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
