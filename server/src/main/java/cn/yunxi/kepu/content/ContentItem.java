package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("content_item")
class ContentItem {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String type;
    private String status;
    private String title;
    private String summary;
    private String bodyHtml;
    private String coverKey;
    private String mediaKey;
    private String narrationKey;
    private String largeImageKeys;
    private Integer lengthSeconds;
    private Boolean emergency;
    private LocalDateTime emergencyUntil;
    private Long unitId;
    private Long authorId;
    private Long reviewerId;
    private Boolean sampleData;
    private LocalDateTime publishAt;
    private LocalDateTime publishedAt;
    private Integer version;
    private Integer likeCount;
    private Integer favouriteCount;
    private Integer shareCount;
    private Integer commentCount;
    private Integer readCount;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBodyHtml() { return bodyHtml; }
    public void setBodyHtml(String bodyHtml) { this.bodyHtml = bodyHtml; }
    public String getCoverKey() { return coverKey; }
    public void setCoverKey(String coverKey) { this.coverKey = coverKey; }
    public String getMediaKey() { return mediaKey; }
    public void setMediaKey(String mediaKey) { this.mediaKey = mediaKey; }
    public String getNarrationKey() { return narrationKey; }
    public void setNarrationKey(String narrationKey) { this.narrationKey = narrationKey; }
    public String getLargeImageKeys() { return largeImageKeys; }
    public void setLargeImageKeys(String largeImageKeys) { this.largeImageKeys = largeImageKeys; }
    public Integer getLengthSeconds() { return lengthSeconds; }
    public void setLengthSeconds(Integer lengthSeconds) { this.lengthSeconds = lengthSeconds; }
    public Boolean getEmergency() { return emergency; }
    public void setEmergency(Boolean emergency) { this.emergency = emergency; }
    public LocalDateTime getEmergencyUntil() { return emergencyUntil; }
    public void setEmergencyUntil(LocalDateTime emergencyUntil) { this.emergencyUntil = emergencyUntil; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getAuthorId() { return authorId; }
    public void setAuthorId(Long authorId) { this.authorId = authorId; }
    public Long getReviewerId() { return reviewerId; }
    public void setReviewerId(Long reviewerId) { this.reviewerId = reviewerId; }
    public Boolean getSampleData() { return sampleData; }
    public void setSampleData(Boolean sampleData) { this.sampleData = sampleData; }
    public LocalDateTime getPublishAt() { return publishAt; }
    public void setPublishAt(LocalDateTime publishAt) { this.publishAt = publishAt; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public void setPublishedAt(LocalDateTime publishedAt) { this.publishedAt = publishedAt; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Integer getLikeCount() { return likeCount; }
    public void setLikeCount(Integer likeCount) { this.likeCount = likeCount; }
    public Integer getFavouriteCount() { return favouriteCount; }
    public void setFavouriteCount(Integer favouriteCount) { this.favouriteCount = favouriteCount; }
    public Integer getShareCount() { return shareCount; }
    public void setShareCount(Integer shareCount) { this.shareCount = shareCount; }
    public Integer getCommentCount() { return commentCount; }
    public void setCommentCount(Integer commentCount) { this.commentCount = commentCount; }
    public Integer getReadCount() { return readCount; }
    public void setReadCount(Integer readCount) { this.readCount = readCount; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
