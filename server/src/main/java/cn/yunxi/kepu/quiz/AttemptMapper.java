package cn.yunxi.kepu.quiz;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

import cn.yunxi.kepu.common.time.Times;

/**
 * Attempts as residents start, save and read them. Locking an attempt for grading and writing its grade are
 * {@link QuizBatchWriter}'s (a single attempt is a batch of one), so each has one statement and one mapping.
 */
@Mapper
interface AttemptMapper extends BaseMapper<Attempt> {

    @Select("SELECT * FROM quiz_attempt WHERE id = #{id} AND resident_id = #{residentId}")
    Attempt findOwned(@Param("id") long id, @Param("residentId") long residentId);

    @Select("SELECT * FROM quiz_attempt WHERE quiz_id = #{quizId} AND resident_id = #{residentId} AND status = 'OPEN' "
            + "ORDER BY id DESC LIMIT 1")
    Attempt findOpen(@Param("quizId") long quizId, @Param("residentId") long residentId);

    @Select("SELECT COALESCE(MAX(attempt_no), 0) FROM quiz_attempt WHERE quiz_id = #{quizId} AND resident_id = #{residentId}")
    int lastAttemptNo(@Param("quizId") long quizId, @Param("residentId") long residentId);

    @Select("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = #{quizId} AND resident_id = #{residentId} "
            + "AND attempt_day = #{day}")
    int countOnDay(@Param("quizId") long quizId, @Param("residentId") long residentId, @Param("day") LocalDate day);

    /** Autosave: accepted only while the attempt is open and its deadline (plus grace) has not passed. */
    @Update("UPDATE quiz_attempt SET answers_json = #{answers} WHERE id = #{id} AND resident_id = #{residentId} "
            + "AND status = 'OPEN' AND deadline_at >= #{cutoff}")
    int saveAnswers(@Param("id") long id, @Param("residentId") long residentId, @Param("answers") String answers,
                    @Param("cutoff") LocalDateTime cutoff);

    @Select("SELECT id FROM quiz_attempt WHERE status = 'OPEN' AND deadline_at < #{cutoff} ORDER BY deadline_at LIMIT #{limit}")
    List<Long> overdue(@Param("cutoff") LocalDateTime cutoff, @Param("limit") int limit);

    @Select("<script>SELECT quiz_id AS quizId, COUNT(*) AS attempts, MAX(score) AS bestScore, "
            + "SUM(CASE WHEN attempt_day = #{today} THEN 1 ELSE 0 END) AS today, "
            + "SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END) AS open "
            + "FROM quiz_attempt WHERE resident_id = #{residentId} AND quiz_id IN "
            + "<foreach collection='quizIds' item='q' open='(' separator=',' close=')'>#{q}</foreach> "
            + "GROUP BY quiz_id</script>")
    List<MyQuizStats> myStats(@Param("residentId") long residentId, @Param("quizIds") Collection<Long> quizIds,
                              @Param("today") LocalDate today);

    @Select("SELECT a.id, a.quiz_id AS quizId, q.title, a.kind, a.attempt_no AS attemptNo, a.status, a.started_at AS startedAt, "
            + "a.finished_at AS finishedAt, a.score, a.max_score AS maxScore, a.passed "
            + "FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE a.resident_id = #{residentId} ORDER BY a.id DESC "
            + "LIMIT #{limit} OFFSET #{offset}")
    List<AttemptSummaryRow> mine(@Param("residentId") long residentId, @Param("limit") int limit, @Param("offset") long offset);

    @Select("SELECT COUNT(*) FROM quiz_attempt WHERE resident_id = #{residentId}")
    long countMine(@Param("residentId") long residentId);

    /** The resident's attempts of one kind (e.g. every self-test taken), newest first. */
    @Select("SELECT a.id, a.quiz_id AS quizId, q.title, a.kind, a.attempt_no AS attemptNo, a.status, a.started_at AS startedAt, "
            + "a.finished_at AS finishedAt, a.score, a.max_score AS maxScore, a.passed "
            + "FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id WHERE a.resident_id = #{residentId} AND a.kind = #{kind} "
            + "ORDER BY a.id DESC LIMIT #{limit} OFFSET #{offset}")
    List<AttemptSummaryRow> mineOfKind(@Param("residentId") long residentId, @Param("kind") String kind,
                                       @Param("limit") int limit, @Param("offset") long offset);

    @Select("SELECT COUNT(*) FROM quiz_attempt WHERE resident_id = #{residentId} AND kind = #{kind}")
    long countMineOfKind(@Param("residentId") long residentId, @Param("kind") String kind);

    /**
     * Self-test report: each resident's latest finished attempt, grouped by population group and town.
     */
    @Select("SELECT a.population_group AS populationGroup, a.town_code AS townCode, COUNT(*) AS takers, "
            + "SUM(CASE WHEN a.passed THEN 1 ELSE 0 END) AS passed "
            + "FROM quiz_attempt a JOIN (SELECT resident_id, MAX(id) AS id FROM quiz_attempt "
            + "  WHERE quiz_id = #{quizId} AND status <> 'OPEN' GROUP BY resident_id) latest ON latest.id = a.id "
            + "GROUP BY a.population_group, a.town_code")
    List<SelfTestRow> selfTestReport(@Param("quizId") long quizId);

    class MyQuizStats {
        private Long quizId;
        private Integer attempts;
        private Integer bestScore;
        private Integer today;
        private Integer open;

        public Long getQuizId() { return quizId; }
        public void setQuizId(Long quizId) { this.quizId = quizId; }
        public Integer getAttempts() { return attempts; }
        public void setAttempts(Integer attempts) { this.attempts = attempts; }
        public Integer getBestScore() { return bestScore; }
        public void setBestScore(Integer bestScore) { this.bestScore = bestScore; }
        public Integer getToday() { return today; }
        public void setToday(Integer today) { this.today = today; }
        public Integer getOpen() { return open; }
        public void setOpen(Integer open) { this.open = open; }
    }

    class AttemptSummaryRow {
        private Long id;
        private Long quizId;
        private String title;
        private String kind;
        private Integer attemptNo;
        private String status;
        private LocalDateTime startedAt;
        private @Nullable LocalDateTime finishedAt;
        private @Nullable Integer score;
        private Integer maxScore;
        private @Nullable Boolean passed;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public Long getQuizId() { return quizId; }
        public void setQuizId(Long quizId) { this.quizId = quizId; }
        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public Integer getAttemptNo() { return attemptNo; }
        public void setAttemptNo(Integer attemptNo) { this.attemptNo = attemptNo; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
        // Shown to the resident with the +08:00 offset, like every other time of the API; stored as Shanghai local time.
        public OffsetDateTime getStartedAt() { return Times.toOffset(startedAt); }
        public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
        public OffsetDateTime getFinishedAt() { return Times.toOffset(finishedAt); }
        public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
        public Integer getScore() { return score; }
        public void setScore(Integer score) { this.score = score; }
        public Integer getMaxScore() { return maxScore; }
        public void setMaxScore(Integer maxScore) { this.maxScore = maxScore; }
        public Boolean getPassed() { return passed; }
        public void setPassed(Boolean passed) { this.passed = passed; }
    }

    class SelfTestRow {
        private String populationGroup;
        private String townCode;
        private Integer takers;
        private Integer passed;

        public String getPopulationGroup() { return populationGroup; }
        public void setPopulationGroup(String populationGroup) { this.populationGroup = populationGroup; }
        public String getTownCode() { return townCode; }
        public void setTownCode(String townCode) { this.townCode = townCode; }
        public Integer getTakers() { return takers; }
        public void setTakers(Integer takers) { this.takers = takers; }
        public Integer getPassed() { return passed; }
        public void setPassed(Integer passed) { this.passed = passed; }
    }
}
