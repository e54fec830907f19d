package cn.yunxi.kepu.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.persistence.MultiRowStatement;

/**
 * The locking read and the writes of a batch of graded attempts ({@link AttemptFinisher#submitAll}), each in one
 * round trip; an attempt graded alone (an overdue one) is a batch of one, so every grading locks, maps and writes
 * an attempt with the same statements. Each is one statement carrying every row ({@link MultiRowStatement}) on the
 * transaction's own connection (JdbcTemplate). MyBatis could not do this well: its batch executor cannot join a
 * transaction already running on the simple one, and a {@code <foreach>} statement evaluates every parameter of
 * every row through OGNL, which the profiler showed costing more than the database work.
 */
@Component
class QuizBatchWriter {

    /**
     * Grades attempts exactly once: only the request that moves an attempt out of OPEN writes its result. The CHECK
     * constraint makes a graded row without score/result impossible. Each attempt's graded values go by its id, so a
     * whole batch is one statement.
     */
    private static final MultiRowStatement FINISH = MultiRowStatement.updateByKey("quiz_attempt", "id",
            List.of("status", "finished_at", "duration_ms", "correct_count", "score", "passed", "late", "answers_json",
                    "result_json"),
            "status = 'OPEN'");

    /**
     * Keeps the best attempt per resident and contest; rows apply in order. Assignments run left to right in
     * MySQL/MariaDB, so rank_value is compared before it is replaced (it comes last).
     */
    private static final MultiRowStatement STANDING = MultiRowStatement.values("INSERT INTO quiz_contest_entry "
            + "(quiz_id, resident_id, attempt_id, score, duration_ms, finished_at, rank_value, region_code, town_code) "
            + "VALUES ", 9, " ON DUPLICATE KEY UPDATE "
            + "attempt_id = IF(VALUES(rank_value) > rank_value, VALUES(attempt_id), attempt_id), "
            + "score = IF(VALUES(rank_value) > rank_value, VALUES(score), score), "
            + "duration_ms = IF(VALUES(rank_value) > rank_value, VALUES(duration_ms), duration_ms), "
            + "finished_at = IF(VALUES(rank_value) > rank_value, VALUES(finished_at), finished_at), "
            + "rank_value = GREATEST(rank_value, VALUES(rank_value))");

    /** A resident who already holds the contest's certificate refuses the whole call (unique key; all or nothing). */
    private static final MultiRowStatement CERTIFICATE = MultiRowStatement.values("INSERT INTO quiz_certificate "
            + "(verify_no, quiz_id, resident_id, attempt_id, holder_name, title, quiz_title, score, max_score, "
            + "issued_at) VALUES ", 10, "").allOrNothing();

    /** Every column of an attempt, in the order {@link #attempt} reads them ({@code AttemptColumnsTest} checks). */
    static final String LOCK_ALL = "SELECT id, quiz_id, kind, resident_id, attempt_no, attempt_day, status, "
            + "started_at, deadline_at, countdown, finished_at, duration_ms, question_count, correct_count, score, "
            + "max_score, passed, late, region_code, town_code, population_group, paper_json, paper_refs_json, "
            + "answers_json, result_json FROM quiz_attempt WHERE id IN (:ids) ORDER BY id FOR UPDATE";

    /** A graded contest attempt as its standing. */
    static final class ContestEntry {
        private final Attempt attempt;
        private final long rankValue;

        ContestEntry(Attempt attempt, long rankValue) {
            this.attempt = attempt;
            this.rankValue = rankValue;
        }

        public long getQuizId() { return attempt.getQuizId(); }
        public long getResidentId() { return attempt.getResidentId(); }
        public long getAttemptId() { return attempt.getId(); }
        public int getScore() { return attempt.getScore(); }
        public long getDurationMs() { return attempt.getDurationMs(); }
        public LocalDateTime getFinishedAt() { return attempt.getFinishedAt(); }
        public long getRankValue() { return rankValue; }
        public String getRegionCode() { return attempt.getRegionCode(); }
        public String getTownCode() { return attempt.getTownCode(); }
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    QuizBatchWriter(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /**
     * The certificate numbers these residents already hold for these contests, keyed {@code quizId:residentId}. The
     * pairs are expanded by Spring into {@code ((?, ?), ...)} instead of a per-element OGNL {@code <foreach>}.
     */
    Map<String, String> heldCertificates(List<Certificate> wanted) {
        List<Object[]> pairs = wanted.stream().map(c -> new Object[] {c.getQuizId(), c.getResidentId()}).toList();
        Map<String, String> held = new HashMap<>();
        client.sql("SELECT quiz_id, resident_id, verify_no FROM quiz_certificate WHERE (quiz_id, resident_id) IN (:pairs)")
                .param("pairs", pairs)
                .query(rs -> {
                    held.put(rs.getLong(1) + ":" + rs.getLong(2), rs.getString(3));
                });
        return held;
    }

    /**
     * Several attempts row-locked in one statement, in id order (the order every batch locks them in). Mapped by hand:
     * MyBatis's automatic mapping of 25 columns per row was most of what locking a batch cost.
     */
    List<Attempt> lockAll(List<Long> ids) {
        return client.sql(LOCK_ALL).param("ids", ids).query(QuizBatchWriter::attempt).list();
    }

    /** One attempt row-locked, mapped as in a batch; null when there is no such attempt. */
    Attempt lock(long id) {
        List<Attempt> locked = lockAll(List.of(id));
        return locked.isEmpty() ? null : locked.get(0);
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        Attempt a = new Attempt();
        a.setId(rs.getLong(1));
        a.setQuizId(rs.getLong(2));
        a.setKind(rs.getString(3));
        a.setResidentId(rs.getLong(4));
        a.setAttemptNo(rs.getInt(5));
        a.setAttemptDay(rs.getObject(6, LocalDate.class));
        a.setStatus(rs.getString(7));
        a.setStartedAt(rs.getObject(8, LocalDateTime.class));
        a.setDeadlineAt(rs.getObject(9, LocalDateTime.class));
        a.setCountdown(rs.getObject(10, Boolean.class));
        a.setFinishedAt(rs.getObject(11, LocalDateTime.class));
        a.setDurationMs(rs.getObject(12, Long.class));
        a.setQuestionCount(rs.getObject(13, Integer.class));
        a.setCorrectCount(rs.getObject(14, Integer.class));
        a.setScore(rs.getObject(15, Integer.class));
        a.setMaxScore(rs.getObject(16, Integer.class));
        a.setPassed(rs.getObject(17, Boolean.class));
        a.setLate(rs.getObject(18, Boolean.class));
        a.setRegionCode(rs.getString(19));
        a.setTownCode(rs.getString(20));
        a.setPopulationGroup(rs.getString(21));
        a.setPaperJson(rs.getString(22));
        a.setPaperRefsJson(rs.getString(23));
        a.setAnswersJson(rs.getString(24));
        a.setResultJson(rs.getString(25));
        return a;
    }

    /** How many of these attempts were graded: all of them, unless one was no longer open. */
    int finishAll(List<Attempt> graded) {
        return FINISH.execute(jdbc, graded, (ps, a) -> {
            ps.setLong(1, a.getId());
            ps.setString(2, a.getStatus());
            ps.setObject(3, a.getFinishedAt());
            ps.setLong(4, a.getDurationMs());
            ps.setInt(5, a.getCorrectCount());
            ps.setInt(6, a.getScore());
            ps.setBoolean(7, Boolean.TRUE.equals(a.getPassed()));
            ps.setBoolean(8, Boolean.TRUE.equals(a.getLate()));
            ps.setString(9, a.getAnswersJson());
            ps.setString(10, a.getResultJson());
        });
    }

    /** 1 when the attempt was graded, 0 when it was no longer open. */
    int finish(Attempt graded) {
        return finishAll(List.of(graded));
    }

    void recordStandings(List<ContestEntry> entries) {
        STANDING.execute(jdbc, entries, (ps, e) -> {
            ps.setLong(1, e.getQuizId());
            ps.setLong(2, e.getResidentId());
            ps.setLong(3, e.getAttemptId());
            ps.setInt(4, e.getScore());
            ps.setLong(5, e.getDurationMs());
            ps.setObject(6, e.getFinishedAt());
            ps.setLong(7, e.getRankValue());
            ps.setString(8, e.getRegionCode());
            ps.setString(9, e.getTownCode());
        });
    }

    void insertCertificates(List<Certificate> certificates) {
        CERTIFICATE.execute(jdbc, certificates, (ps, c) -> {
            ps.setString(1, c.getVerifyNo());
            ps.setLong(2, c.getQuizId());
            ps.setLong(3, c.getResidentId());
            ps.setLong(4, c.getAttemptId());
            ps.setString(5, c.getHolderName());
            ps.setString(6, c.getTitle());
            ps.setString(7, c.getQuizTitle());
            ps.setInt(8, c.getScore());
            ps.setInt(9, c.getMaxScore());
            ps.setObject(10, c.getIssuedAt());
        });
    }
}
