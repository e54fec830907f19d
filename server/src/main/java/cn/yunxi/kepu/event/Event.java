package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("event")
class Event {

    @TableId(type = IdType.AUTO)
    Long id;
    String kind;
    String status;
    String title;
    String description;
    Long organiserUnitId;
    Long createdBy;
    String venueName;
    String venueAddress;
    BigDecimal latitude;
    BigDecimal longitude;
    Integer checkinRadiusM;
    LocalDateTime startsAt;
    LocalDateTime endsAt;
    LocalDateTime signupOpensAt;
    LocalDateTime signupClosesAt;
    LocalDateTime cancelDeadline;
    Integer capacity;
    Integer taken;
    Boolean waitlistEnabled;
    String eligibleGroups;
    String eligibleRegions;
    Integer minAge;
    Integer maxAge;
    Boolean volunteersOnly;
    String formFields;
    String indicatorCodes;
    BigDecimal trainingHours;
    Integer minAttendancePercent;
    String wxacodeKey;
    LocalDateTime publishedAt;
    LocalDateTime cancelledAt;
    LocalDateTime finishedAt;
    LocalDateTime createdAt;
    LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getOrganiserUnitId() { return organiserUnitId; }
    public void setOrganiserUnitId(Long organiserUnitId) { this.organiserUnitId = organiserUnitId; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueAddress() { return venueAddress; }
    public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public Integer getCheckinRadiusM() { return checkinRadiusM; }
    public void setCheckinRadiusM(Integer checkinRadiusM) { this.checkinRadiusM = checkinRadiusM; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public LocalDateTime getSignupOpensAt() { return signupOpensAt; }
    public void setSignupOpensAt(LocalDateTime signupOpensAt) { this.signupOpensAt = signupOpensAt; }
    public LocalDateTime getSignupClosesAt() { return signupClosesAt; }
    public void setSignupClosesAt(LocalDateTime signupClosesAt) { this.signupClosesAt = signupClosesAt; }
    public LocalDateTime getCancelDeadline() { return cancelDeadline; }
    public void setCancelDeadline(LocalDateTime cancelDeadline) { this.cancelDeadline = cancelDeadline; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Integer getTaken() { return taken; }
    public void setTaken(Integer taken) { this.taken = taken; }
    public Boolean getWaitlistEnabled() { return waitlistEnabled; }
    public void setWaitlistEnabled(Boolean waitlistEnabled) { this.waitlistEnabled = waitlistEnabled; }
    public String getEligibleGroups() { return eligibleGroups; }
    public void setEligibleGroups(String eligibleGroups) { this.eligibleGroups = eligibleGroups; }
    public String getEligibleRegions() { return eligibleRegions; }
    public void setEligibleRegions(String eligibleRegions) { this.eligibleRegions = eligibleRegions; }
    public Integer getMinAge() { return minAge; }
    public void setMinAge(Integer minAge) { this.minAge = minAge; }
    public Integer getMaxAge() { return maxAge; }
    public void setMaxAge(Integer maxAge) { this.maxAge = maxAge; }
    public Boolean getVolunteersOnly() { return volunteersOnly; }
    public void setVolunteersOnly(Boolean volunteersOnly) { this.volunteersOnly = volunteersOnly; }
    public String getFormFields() { return formFields; }
    public void setFormFields(String formFields) { this.formFields = formFields; }
    public String getIndicatorCodes() { return indicatorCodes; }
    public void setIndicatorCodes(String indicatorCodes) { this.indicatorCodes = indicatorCodes; }
    public BigDecimal getTrainingHours() { return trainingHours; }
    public void setTrainingHours(BigDecimal trainingHours) { this.trainingHours = trainingHours; }
    public Integer getMinAttendancePercent() { return minAttendancePercent; }
    public void setMinAttendancePercent(Integer minAttendancePercent) { this.minAttendancePercent = minAttendancePercent; }
    public String getWxacodeKey() { return wxacodeKey; }
    public void setWxacodeKey(String wxacodeKey) { this.wxacodeKey = wxacodeKey; }
    public LocalDateTime getPublishedAt() { return publishedAt; }
    public void setPublishedAt(LocalDateTime publishedAt) { this.publishedAt = publishedAt; }
    public LocalDateTime getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(LocalDateTime cancelledAt) { this.cancelledAt = cancelledAt; }
    public LocalDateTime getFinishedAt() { return finishedAt; }
    public void setFinishedAt(LocalDateTime finishedAt) { this.finishedAt = finishedAt; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
