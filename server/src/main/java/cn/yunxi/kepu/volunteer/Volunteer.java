package cn.yunxi.kepu.volunteer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("volunteer")
class Volunteer {

    @TableId(type = IdType.AUTO)
    Long id;
    Long residentId;
    String status;
    String realNameCipher;
    String realNameMasked;
    String skills;
    String regionCode;
    String availability;
    String reviewNote;
    Long reviewedBy;
    LocalDateTime reviewedAt;
    BigDecimal totalHours;
    Integer serviceCount;
    LocalDateTime createdAt;
    LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRealNameCipher() { return realNameCipher; }
    public void setRealNameCipher(String realNameCipher) { this.realNameCipher = realNameCipher; }
    public String getRealNameMasked() { return realNameMasked; }
    public void setRealNameMasked(String realNameMasked) { this.realNameMasked = realNameMasked; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
    public String getReviewNote() { return reviewNote; }
    public void setReviewNote(String reviewNote) { this.reviewNote = reviewNote; }
    public Long getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(Long reviewedBy) { this.reviewedBy = reviewedBy; }
    public LocalDateTime getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(LocalDateTime reviewedAt) { this.reviewedAt = reviewedAt; }
    public BigDecimal getTotalHours() { return totalHours; }
    public void setTotalHours(BigDecimal totalHours) { this.totalHours = totalHours; }
    public Integer getServiceCount() { return serviceCount; }
    public void setServiceCount(Integer serviceCount) { this.serviceCount = serviceCount; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
