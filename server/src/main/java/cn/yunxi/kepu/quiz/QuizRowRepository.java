package cn.yunxi.kepu.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quiz rows for a batch of submissions, read with one statement and mapped by hand: MyBatis's dynamic SQL and
 * automatic mapping of 21 columns cost several times the query itself each time a contest's row had to be read
 * again. Everywhere else the same entity goes through {@link QuizMapper}.
 */
@Component
class QuizRowRepository {

    /** Every column of a quiz, in the order {@link #quiz(ResultSet, int)} reads them ({@code QuizColumnsTest} checks). */
    static final String BY_IDS = "SELECT id, kind, title, description, status, opens_at, closes_at, time_limit_seconds, "
            + "attempts_allowed, question_count, question_score, pass_percent, paper_mode, draw_rules_json, "
            + "eligible_regions, eligible_groups, certificate_title, owner_unit_id, created_by, created_at, updated_at "
            + "FROM quiz WHERE id IN (:ids)";

    private final JdbcClient jdbc;

    QuizRowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The quizzes with these ids that exist, in no particular order. */
    List<Quiz> byIds(Collection<Long> ids) {
        return jdbc.sql(BY_IDS).param("ids", ids).query(QuizRowRepository::quiz).list();
    }

    private static Quiz quiz(ResultSet rs, int row) throws SQLException {
        Quiz q = new Quiz();
        q.setId(rs.getLong(1));
        q.setKind(rs.getString(2));
        q.setTitle(rs.getString(3));
        q.setDescription(rs.getString(4));
        q.setStatus(rs.getString(5));
        q.setOpensAt(rs.getObject(6, LocalDateTime.class));
        q.setClosesAt(rs.getObject(7, LocalDateTime.class));
        q.setTimeLimitSeconds(rs.getObject(8, Integer.class));
        q.setAttemptsAllowed(rs.getObject(9, Integer.class));
        q.setQuestionCount(rs.getObject(10, Integer.class));
        q.setQuestionScore(rs.getObject(11, Integer.class));
        q.setPassPercent(rs.getObject(12, Integer.class));
        q.setPaperMode(rs.getString(13));
        q.setDrawRulesJson(rs.getString(14));
        q.setEligibleRegions(rs.getString(15));
        q.setEligibleGroups(rs.getString(16));
        q.setCertificateTitle(rs.getString(17));
        q.setOwnerUnitId(rs.getObject(18, Long.class));
        q.setCreatedBy(rs.getObject(19, Long.class));
        q.setCreatedAt(rs.getObject(20, LocalDateTime.class));
        q.setUpdatedAt(rs.getObject(21, LocalDateTime.class));
        return q;
    }
}
