package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("content_comment")
class Comment {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long contentId;
    private Long residentId;
    private String body;
    private String imageKey;
    private String status;
    private String checkSuggest;
    private Integer checkLabel;
    private String checkTraceId;
    private Long reviewerId;
    private String reviewReason;
    private LocalDateTime createdAt;
    private LocalDateTime reviewedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getContentId() { return contentId; }
    public void setContentId(Long contentId) { this.contentId = contentId; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getImageKey() { return imageKey; }
    public void setImageKey(String imageKey) { this.imageKey = imageKey; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCheckSuggest() { return checkSuggest; }
    public void setCheckSuggest(String checkSuggest) { this.checkSuggest = checkSuggest; }
    public Integer getCheckLabel() { return checkLabel; }
    public void setCheckLabel(Integer checkLabel) { this.checkLabel = checkLabel; }
    public String getCheckTraceId() { return checkTraceId; }
    public void setCheckTraceId(String checkTraceId) { this.checkTraceId = checkTraceId; }
    public Long getReviewerId() { return reviewerId; }
    public void setReviewerId(Long reviewerId) { this.reviewerId = reviewerId; }
    public String getReviewReason() { return reviewReason; }
    public void setReviewReason(String reviewReason) { this.reviewReason = reviewReason; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(LocalDateTime reviewedAt) { this.reviewedAt = reviewedAt; }
}
