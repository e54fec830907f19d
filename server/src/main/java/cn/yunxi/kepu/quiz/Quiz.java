package cn.yunxi.kepu.quiz;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A quiz: the standing daily quiz, practice and self-test, or a contest staff set up. */
@TableName("quiz")
class Quiz {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";
    static final String CLOSED = "CLOSED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private String kind;
    private String title;
    private String description;
    private String status;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private Integer timeLimitSeconds;
    private Integer attemptsAllowed;
    private Integer questionCount;
    private Integer questionScore;
    private Integer passPercent;
    private String paperMode;
    private String drawRulesJson;
    private String eligibleRegions;
    private String eligibleGroups;
    private String certificateTitle;
    private Long ownerUnitId;
    private Long createdBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDateTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalDateTime opensAt) { this.opensAt = opensAt; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
    public Integer getTimeLimitSeconds() { return timeLimitSeconds; }
    public void setTimeLimitSeconds(Integer timeLimitSeconds) { this.timeLimitSeconds = timeLimitSeconds; }
    public Integer getAttemptsAllowed() { return attemptsAllowed; }
    public void setAttemptsAllowed(Integer attemptsAllowed) { this.attemptsAllowed = attemptsAllowed; }
    public Integer getQuestionCount() { return questionCount; }
    public void setQuestionCount(Integer questionCount) { this.questionCount = questionCount; }
    public Integer getQuestionScore() { return questionScore; }
    public void setQuestionScore(Integer questionScore) { this.questionScore = questionScore; }
    public Integer getPassPercent() { return passPercent; }
    public void setPassPercent(Integer passPercent) { this.passPercent = passPercent; }
    public String getPaperMode() { return paperMode; }
    public void setPaperMode(String paperMode) { this.paperMode = paperMode; }
    public String getDrawRulesJson() { return drawRulesJson; }
    public void setDrawRulesJson(String drawRulesJson) { this.drawRulesJson = drawRulesJson; }
    public String getEligibleRegions() { return eligibleRegions; }
    public void setEligibleRegions(String eligibleRegions) { this.eligibleRegions = eligibleRegions; }
    public String getEligibleGroups() { return eligibleGroups; }
    public void setEligibleGroups(String eligibleGroups) { this.eligibleGroups = eligibleGroups; }
    public String getCertificateTitle() { return certificateTitle; }
    public void setCertificateTitle(String certificateTitle) { this.certificateTitle = certificateTitle; }
    public Long getOwnerUnitId() { return ownerUnitId; }
    public void setOwnerUnitId(Long ownerUnitId) { this.ownerUnitId = ownerUnitId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
