package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** An edit of a published item waiting for (or refused by) a second person's review. */
@TableName("content_revision")
class ContentRevision {

    static final String IN_REVIEW = "IN_REVIEW";
    static final String REJECTED = "REJECTED";
    static final String APPLIED = "APPLIED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long contentId;
    private String status;
    private String requestJson;
    private Long authorId;
    private Long reviewerId;
    private String reason;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    @TableField(insertStrategy = com.baomidou.mybatisplus.annotation.FieldStrategy.NEVER,
            updateStrategy = com.baomidou.mybatisplus.annotation.FieldStrategy.NEVER)
    private Integer openFlag;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getContentId() { return contentId; }
    public void setContentId(Long contentId) { this.contentId = contentId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRequestJson() { return requestJson; }
    public void setRequestJson(String requestJson) { this.requestJson = requestJson; }
    public Long getAuthorId() { return authorId; }
    public void setAuthorId(Long authorId) { this.authorId = authorId; }
    public Long getReviewerId() { return reviewerId; }
    public void setReviewerId(Long reviewerId) { this.reviewerId = reviewerId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
    public Integer getOpenFlag() { return openFlag; }
    public void setOpenFlag(Integer openFlag) { this.openFlag = openFlag; }
}
