package cn.yunxi.kepu.points;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.persistence.MultiRowStatement;

/**
 * The statements of a batch award ({@link PointsService#awardEach}) on the per-resident, per-reason, per-day running
 * totals and on the ledger's source keys, for many residents at once. Written as multi-row statements
 * ({@link MultiRowStatement}) and expanded {@code IN (:list)} parameters: the MyBatis {@code <foreach>} versions
 * evaluated every element through OGNL, which cost more than the statements themselves.
 */
@Component
class PointsTotalsBatchWriter {

    private static final MultiRowStatement ENSURE = MultiRowStatement.values("INSERT INTO points_daily_total "
            + "(resident_id, reason, award_day, total) VALUES ", 4, " ON DUPLICATE KEY UPDATE total = total");
    private static final MultiRowStatement ADD = MultiRowStatement.values("INSERT INTO points_daily_total "
            + "(resident_id, reason, award_day, total) VALUES ", 4,
            " ON DUPLICATE KEY UPDATE total = total + VALUES(total)");

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    PointsTotalsBatchWriter(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /**
     * Creates the missing running totals of these residents (sorted: rows are locked in resident order everywhere)
     * and returns every one's current total, all rows locked until commit.
     */
    Map<Long, Integer> lock(List<Long> sortedResidentIds, String reason, LocalDate day) {
        ENSURE.execute(jdbc, sortedResidentIds, (ps, residentId) -> {
            ps.setLong(1, residentId);
            ps.setString(2, reason);
            ps.setObject(3, day);
            ps.setInt(4, 0);
        });
        Map<Long, Integer> totals = new HashMap<>();
        client.sql("SELECT resident_id, total FROM points_daily_total WHERE reason = :reason AND award_day = :day "
                        + "AND resident_id IN (:ids) ORDER BY resident_id FOR UPDATE")
                .param("reason", reason).param("day", day).param("ids", sortedResidentIds)
                .query(rs -> {
                    totals.put(rs.getLong(1), rs.getInt(2));
                });
        return totals;
    }

    /** Moves the (locked) running totals up by what this batch granted. */
    void add(Map<Long, Integer> addedByResident, String reason, LocalDate day) {
        List<Map.Entry<Long, Integer>> added = addedByResident.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey()).toList();
        if (added.isEmpty()) {
            return;
        }
        ADD.execute(jdbc, added, (ps, e) -> {
            ps.setLong(1, e.getKey());
            ps.setString(2, reason);
            ps.setObject(3, day);
            ps.setInt(4, e.getValue());
        });
    }

    /** Which of these source keys the ledger already holds for this reason. */
    List<String> existingSources(String reason, Collection<String> keys) {
        return client.sql("SELECT source_key FROM points_ledger WHERE reason = :reason AND source_key IN (:keys)")
                .param("reason", reason).param("keys", keys).query(String.class).list();
    }
}
