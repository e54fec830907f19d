package cn.yunxi.kepu.quiz;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A question of the bank. Attempts never read it again after they start: they keep a snapshot. */
@TableName("quiz_question")
class Question {

    static final String ACTIVE = "ACTIVE";
    static final String ARCHIVED = "ARCHIVED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private String type;
    private String stem;
    private String optionsJson;
    private String answer;
    private String explanation;
    private Integer difficulty;
    private String topics;
    private String audienceGroups;
    private Integer benchmarkNo;
    private String status;
    private String pool;
    private Boolean sampleData;
    private Long ownerUnitId;
    private Long createdBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStem() { return stem; }
    public void setStem(String stem) { this.stem = stem; }
    public String getOptionsJson() { return optionsJson; }
    public void setOptionsJson(String optionsJson) { this.optionsJson = optionsJson; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
    public Integer getDifficulty() { return difficulty; }
    public void setDifficulty(Integer difficulty) { this.difficulty = difficulty; }
    public String getTopics() { return topics; }
    public void setTopics(String topics) { this.topics = topics; }
    public String getAudienceGroups() { return audienceGroups; }
    public void setAudienceGroups(String audienceGroups) { this.audienceGroups = audienceGroups; }
    public Integer getBenchmarkNo() { return benchmarkNo; }
    public void setBenchmarkNo(Integer benchmarkNo) { this.benchmarkNo = benchmarkNo; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public Boolean getSampleData() { return sampleData; }
    public void setSampleData(Boolean sampleData) { this.sampleData = sampleData; }
    public Long getOwnerUnitId() { return ownerUnitId; }
    public void setOwnerUnitId(Long ownerUnitId) { this.ownerUnitId = ownerUnitId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
