package cn.yunxi.kepu.media;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("media_object")
class MediaObject {

    static final String NOT_REQUIRED = "NOT_REQUIRED";
    static final String PENDING = "PENDING";
    static final String PASS = "PASS";
    static final String REVIEW = "REVIEW";
    static final String RISKY = "RISKY";
    static final String FAILED = "FAILED";

    @TableId(type = IdType.AUTO)
    private Long id;
    private String objectKey;
    private String ownerType;
    private Long ownerId;
    private String purpose;
    private String contentType;
    private Long sizeBytes;
    private String checkStatus;
    private String checkTraceId;
    private Integer checkLabel;
    private LocalDateTime createdAt;
    private LocalDateTime checkedAt;

    boolean publiclyVisible() {
        return NOT_REQUIRED.equals(checkStatus) || PASS.equals(checkStatus);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String objectKey) { this.objectKey = objectKey; }
    public String getOwnerType() { return ownerType; }
    public void setOwnerType(String ownerType) { this.ownerType = ownerType; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long ownerId) { this.ownerId = ownerId; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getCheckStatus() { return checkStatus; }
    public void setCheckStatus(String checkStatus) { this.checkStatus = checkStatus; }
    public String getCheckTraceId() { return checkTraceId; }
    public void setCheckTraceId(String checkTraceId) { this.checkTraceId = checkTraceId; }
    public Integer getCheckLabel() { return checkLabel; }
    public void setCheckLabel(Integer checkLabel) { this.checkLabel = checkLabel; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getCheckedAt() { return checkedAt; }
    public void setCheckedAt(LocalDateTime checkedAt) { this.checkedAt = checkedAt; }
}
