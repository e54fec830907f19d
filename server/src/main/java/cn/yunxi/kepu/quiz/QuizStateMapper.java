package cn.yunxi.kepu.quiz;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The small per-resident state around attempts: contest standings, streaks, wrong answers, preferences. */
@Mapper
interface QuizStateMapper {

    @Select("SELECT resident_id AS residentId, rank_value AS rankValue FROM quiz_contest_entry "
            + "WHERE quiz_id = #{quizId} AND resident_id > #{after} ORDER BY resident_id LIMIT #{limit}")
    List<RankRow> rankChunk(@Param("quizId") long quizId, @Param("after") long after, @Param("limit") int limit);

    @Select("SELECT resident_id AS residentId, rank_value AS rankValue FROM quiz_contest_entry "
            + "WHERE quiz_id = #{quizId} ORDER BY rank_value DESC, resident_id LIMIT #{limit}")
    List<RankRow> top(@Param("quizId") long quizId, @Param("limit") int limit);

    @Select("SELECT rank_value FROM quiz_contest_entry WHERE quiz_id = #{quizId} AND resident_id = #{residentId}")
    Long rankValueOf(@Param("quizId") long quizId, @Param("residentId") long residentId);

    @Select("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = #{quizId} AND rank_value > #{value}")
    long countAbove(@Param("quizId") long quizId, @Param("value") long value);

    @Select("SELECT COUNT(*) FROM quiz_contest_entry WHERE quiz_id = #{quizId}")
    long countEntries(@Param("quizId") long quizId);

    @Select("<script>SELECT resident_id AS residentId, region_code AS regionCode, score, duration_ms AS durationMs "
            + "FROM quiz_contest_entry WHERE quiz_id = #{quizId} AND resident_id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<EntryRow> entries(@Param("quizId") long quizId, @Param("ids") Collection<Long> ids);

    @Select("SELECT region_code AS regionCode, COUNT(*) AS participants, SUM(score) AS scoreSum "
            + "FROM quiz_contest_entry WHERE quiz_id = #{quizId} GROUP BY region_code")
    List<RegionRow> byRegion(@Param("quizId") long quizId);

    @Insert("INSERT INTO quiz_daily_streak (resident_id, last_day, current_streak, best_streak) "
            + "VALUES (#{residentId}, #{day}, 1, 1) ON DUPLICATE KEY UPDATE "
            + "current_streak = CASE WHEN last_day = #{day} THEN current_streak "
            + "  WHEN last_day = DATE_SUB(#{day}, INTERVAL 1 DAY) THEN current_streak + 1 ELSE 1 END, "
            + "best_streak = GREATEST(best_streak, current_streak), "
            + "last_day = GREATEST(last_day, #{day})")
    void recordDailyRun(@Param("residentId") long residentId, @Param("day") LocalDate day);

    @Select("SELECT last_day AS lastDay, current_streak AS currentStreak, best_streak AS bestStreak "
            + "FROM quiz_daily_streak WHERE resident_id = #{residentId}")
    StreakRow streak(@Param("residentId") long residentId);

    @Insert("INSERT INTO quiz_wrong_answer (resident_id, question_id, wrong_count, right_streak, last_wrong_at) "
            + "VALUES (#{residentId}, #{questionId}, 1, 0, #{now}) ON DUPLICATE KEY UPDATE "
            + "wrong_count = wrong_count + 1, right_streak = 0, last_wrong_at = VALUES(last_wrong_at), cleared_at = NULL")
    void answeredWrong(@Param("residentId") long residentId, @Param("questionId") long questionId,
                       @Param("now") LocalDateTime now);

    /** A right answer counts toward leaving the book; the second in a row clears it (cleared_at set first). */
    @Update("UPDATE quiz_wrong_answer SET cleared_at = CASE WHEN right_streak >= 1 THEN #{now} ELSE NULL END, "
            + "right_streak = right_streak + 1 WHERE resident_id = #{residentId} AND question_id = #{questionId} "
            + "AND cleared_at IS NULL")
    int answeredRight(@Param("residentId") long residentId, @Param("questionId") long questionId,
                      @Param("now") LocalDateTime now);

    @Select("SELECT question_id AS questionId, wrong_count AS wrongCount, right_streak AS rightStreak, "
            + "last_wrong_at AS lastWrongAt, cleared_at AS clearedAt "
            + "FROM quiz_wrong_answer WHERE resident_id = #{residentId} AND question_id = #{questionId}")
    WrongRow wrongAnswer(@Param("residentId") long residentId, @Param("questionId") long questionId);

    /**
     * The open entries of a resident's wrong book that practice can still grade: an archived question, or one that
     * is now on a paper, leaves the book shown (its row stays, so restoring it brings it back).
     */
    String OPEN_BOOK = "FROM quiz_wrong_answer w JOIN quiz_question q ON q.id = w.question_id "
            + "WHERE w.resident_id = #{residentId} AND w.cleared_at IS NULL AND q.status = 'ACTIVE' AND q.pool = 'PRACTICE' "
            + "AND NOT EXISTS (SELECT 1 FROM quiz_paper_question p JOIN quiz z ON z.id = p.quiz_id "
            + "WHERE p.question_id = q.id AND z.status <> 'CLOSED') ";

    @Select("SELECT w.question_id AS questionId, w.wrong_count AS wrongCount, w.right_streak AS rightStreak, "
            + "w.last_wrong_at AS lastWrongAt, w.cleared_at AS clearedAt " + OPEN_BOOK
            + "ORDER BY w.last_wrong_at DESC LIMIT #{limit} OFFSET #{offset}")
    List<WrongRow> wrongBook(@Param("residentId") long residentId, @Param("limit") int limit, @Param("offset") long offset);

    @Select("SELECT COUNT(*) " + OPEN_BOOK)
    long wrongBookSize(@Param("residentId") long residentId);

    @Select("SELECT w.question_id " + OPEN_BOOK)
    List<Long> wrongBookIds(@Param("residentId") long residentId);

    @Select("SELECT leaderboard_opt_in FROM quiz_resident_pref WHERE resident_id = #{residentId}")
    Boolean optIn(@Param("residentId") long residentId);

    @Select("<script>SELECT resident_id FROM quiz_resident_pref WHERE leaderboard_opt_in = TRUE AND resident_id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    List<Long> optedIn(@Param("ids") Collection<Long> ids);

    @Insert("INSERT INTO quiz_resident_pref (resident_id, leaderboard_opt_in, updated_at) VALUES (#{residentId}, #{optIn}, #{now}) "
            + "ON DUPLICATE KEY UPDATE leaderboard_opt_in = VALUES(leaderboard_opt_in), updated_at = VALUES(updated_at)")
    void setOptIn(@Param("residentId") long residentId, @Param("optIn") boolean optIn, @Param("now") LocalDateTime now);

    @Delete("DELETE FROM quiz_resident_pref WHERE resident_id = #{residentId}")
    void deletePref(@Param("residentId") long residentId);

    @Delete("DELETE FROM quiz_wrong_answer WHERE resident_id = #{residentId}")
    void deleteWrongBook(@Param("residentId") long residentId);

    @Delete("DELETE FROM quiz_daily_streak WHERE resident_id = #{residentId}")
    void deleteStreak(@Param("residentId") long residentId);

    class RankRow {
        private Long residentId;
        private Long rankValue;

        public Long getResidentId() { return residentId; }
        public void setResidentId(Long residentId) { this.residentId = residentId; }
        public Long getRankValue() { return rankValue; }
        public void setRankValue(Long rankValue) { this.rankValue = rankValue; }
    }

    class EntryRow {
        private Long residentId;
        private String regionCode;
        private Integer score;
        private Long durationMs;

        public Long getResidentId() { return residentId; }
        public void setResidentId(Long residentId) { this.residentId = residentId; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public Integer getScore() { return score; }
        public void setScore(Integer score) { this.score = score; }
        public Long getDurationMs() { return durationMs; }
        public void setDurationMs(Long durationMs) { this.durationMs = durationMs; }
    }

    class RegionRow {
        private String regionCode;
        private Integer participants;
        private Long scoreSum;

        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
        public Integer getParticipants() { return participants; }
        public void setParticipants(Integer participants) { this.participants = participants; }
        public Long getScoreSum() { return scoreSum; }
        public void setScoreSum(Long scoreSum) { this.scoreSum = scoreSum; }
    }

    class StreakRow {
        private LocalDate lastDay;
        private Integer currentStreak;
        private Integer bestStreak;

        public LocalDate getLastDay() { return lastDay; }
        public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
        public Integer getCurrentStreak() { return currentStreak; }
        public void setCurrentStreak(Integer currentStreak) { this.currentStreak = currentStreak; }
        public Integer getBestStreak() { return bestStreak; }
        public void setBestStreak(Integer bestStreak) { this.bestStreak = bestStreak; }
    }

    class WrongRow {
        private Long questionId;
        private Integer wrongCount;
        private Integer rightStreak;
        private LocalDateTime lastWrongAt;
        private LocalDateTime clearedAt;

        public Long getQuestionId() { return questionId; }
        public void setQuestionId(Long questionId) { this.questionId = questionId; }
        public Integer getWrongCount() { return wrongCount; }
        public void setWrongCount(Integer wrongCount) { this.wrongCount = wrongCount; }
        public Integer getRightStreak() { return rightStreak; }
        public void setRightStreak(Integer rightStreak) { this.rightStreak = rightStreak; }
        public LocalDateTime getLastWrongAt() { return lastWrongAt; }
        public void setLastWrongAt(LocalDateTime lastWrongAt) { this.lastWrongAt = lastWrongAt; }
        public LocalDateTime getClearedAt() { return clearedAt; }
        public void setClearedAt(LocalDateTime clearedAt) { this.clearedAt = clearedAt; }
    }
}
