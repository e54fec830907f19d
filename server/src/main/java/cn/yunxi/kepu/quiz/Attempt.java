package cn.yunxi.kepu.quiz;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One run of a quiz by a resident, with the snapshot of its paper. */
@TableName("quiz_attempt")
class Attempt {

    static final String OPEN = "OPEN";
    static final String SUBMITTED = "SUBMITTED";
    static final String EXPIRED = "EXPIRED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long quizId;
    private String kind;
    private Long residentId;
    private Integer attemptNo;
    private LocalDate attemptDay;
    private String status;
    private LocalDateTime startedAt;
    private LocalDateTime deadlineAt;
    private Boolean countdown;
    private LocalDateTime finishedAt;
    private Long durationMs;
    private Integer questionCount;
    private Integer correctCount;
    private Integer score;
    private Integer maxScore;
    private Boolean passed;
    private Boolean late;
    private String regionCode;
    private String townCode;
    private String populationGroup;
    private String paperJson;
    private String paperRefsJson;
    private String answersJson;
    private String resultJson;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getQuizId() { return quizId; }
    public void setQuizId(Long quizId) { this.quizId = quizId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public Integer getAttemptNo() { return attemptNo; }
    public void setAttemptNo(Integer attemptNo) { this.attemptNo = attemptNo; }
    public LocalDate getAttemptDay() { return attemptDay; }
    public void setAttemptDay(LocalDate attemptDay) { this.attemptDay = attemptDay; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
    public LocalDateTime getDeadlineAt() { return deadlineAt; }
    public void setDeadlineAt(LocalDateTime deadlineAt) { this.deadlineAt = deadlineAt; }
    public Boolean getCountdown() { return countdown; }
    public void setCountdown(Boolean countdown) { this.countdown = countdown; }
    public LocalDateTime getFinishedAt() { return finishedAt; }
    public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
    public Long getDurationMs() { return durationMs; }
    public void setDurationMs(Long durationMs) { this.durationMs = durationMs; }
    public Integer getQuestionCount() { return questionCount; }
    public void setQuestionCount(Integer questionCount) { this.questionCount = questionCount; }
    public Integer getCorrectCount() { return correctCount; }
    public void setCorrectCount(Integer correctCount) { this.correctCount = correctCount; }
    public Integer getScore() { return score; }
    public void setScore(Integer score) { this.score = score; }
    public Integer getMaxScore() { return maxScore; }
    public void setMaxScore(Integer maxScore) { this.maxScore = maxScore; }
    public Boolean getPassed() { return passed; }
    public void setPassed(Boolean passed) { this.passed = passed; }
    public Boolean getLate() { return late; }
    public void setLate(Boolean late) { this.late = late; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getTownCode() { return townCode; }
    public void setTownCode(String townCode) { this.townCode = townCode; }
    public String getPopulationGroup() { return populationGroup; }
    public void setPopulationGroup(String populationGroup) { this.populationGroup = populationGroup; }
    public String getPaperJson() { return paperJson; }
    public void setPaperJson(String paperJson) { this.paperJson = paperJson; }
    public String getPaperRefsJson() { return paperRefsJson; }
    public void setPaperRefsJson(String paperRefsJson) { this.paperRefsJson = paperRefsJson; }
    public String getAnswersJson() { return answersJson; }
    public void setAnswersJson(String answersJson) { this.answersJson = answersJson; }
    public String getResultJson() { return resultJson; }
    public void setResultJson(String resultJson) { this.resultJson = resultJson; }
}
