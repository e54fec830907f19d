package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("read_session")
class ReadSession {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long residentId;
    private Long contentId;
    private Long shareId;
    private Integer lengthSeconds;
    private Integer requiredSeconds;
    private Integer furthestPosition;
    private Integer creditedSeconds;
    private Integer reportCount;
    private LocalDateTime startedAt;
    private LocalDateTime lastReportAt;
    private LocalDateTime completedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public Long getContentId() { return contentId; }
    public void setContentId(Long contentId) { this.contentId = contentId; }
    public Long getShareId() { return shareId; }
    public void setShareId(Long shareId) { this.shareId = shareId; }
    public Integer getLengthSeconds() { return lengthSeconds; }
    public void setLengthSeconds(Integer lengthSeconds) { this.lengthSeconds = lengthSeconds; }
    public Integer getRequiredSeconds() { return requiredSeconds; }
    public void setRequiredSeconds(Integer requiredSeconds) { this.requiredSeconds = requiredSeconds; }
    public Integer getFurthestPosition() { return furthestPosition; }
    public void setFurthestPosition(Integer furthestPosition) { this.furthestPosition = furthestPosition; }
    public Integer getCreditedSeconds() { return creditedSeconds; }
    public void setCreditedSeconds(Integer creditedSeconds) { this.creditedSeconds = creditedSeconds; }
    public Integer getReportCount() { return reportCount; }
    public void setReportCount(Integer reportCount) { this.reportCount = reportCount; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
    public LocalDateTime getLastReportAt() { return lastReportAt; }
    public void setLastReportAt(LocalDateTime lastReportAt) { this.lastReportAt = lastReportAt; }
    public LocalDateTime getCompletedAt() { return completedAt; }
    public void setCompletedAt(LocalDateTime completedAt) { this.completedAt = completedAt; }
}
