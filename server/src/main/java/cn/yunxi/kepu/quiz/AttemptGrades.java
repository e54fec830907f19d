package cn.yunxi.kepu.quiz;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the grades of a batch of attempts in one round trip. MyBatis's simple executor sends a statement per
 * call, and its batch executor cannot join a transaction already running on the simple one; a JDBC batch on the
 * transaction's own connection (JdbcTemplate) can, and Connector/J sends it as one request
 * ({@code rewriteBatchedStatements}). Same statement as {@link AttemptMapper#finish}: only an OPEN row is graded.
 */
@Component
class AttemptGrades {

    private static final String FINISH = "UPDATE quiz_attempt SET status = ?, finished_at = ?, duration_ms = ?, "
            + "correct_count = ?, score = ?, passed = ?, late = ?, answers_json = ?, result_json = ? "
            + "WHERE id = ? AND status = 'OPEN'";

    private final JdbcTemplate jdbc;

    AttemptGrades(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows written per attempt, in order: 1 each, or 0 where the attempt was no longer open. */
    int[] finishAll(List<Attempt> graded) {
        return jdbc.batchUpdate(FINISH, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Attempt a = graded.get(i);
                ps.setString(1, a.getStatus());
                ps.setObject(2, a.getFinishedAt());
                ps.setLong(3, a.getDurationMs());
                ps.setInt(4, a.getCorrectCount());
                ps.setInt(5, a.getScore());
                ps.setBoolean(6, Boolean.TRUE.equals(a.getPassed()));
                ps.setBoolean(7, Boolean.TRUE.equals(a.getLate()));
                ps.setString(8, a.getAnswersJson());
                ps.setString(9, a.getResultJson());
                ps.setLong(10, a.getId());
            }

            @Override
            public int getBatchSize() {
                return graded.size();
            }
        });
    }
}
