package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("event_attendance")
class Attendance {

    @TableId(type = IdType.AUTO)
    Long id;
    Long signupId;
    Long eventId;
    Long sessionId;
    String personKey;
    Long residentId;
    LocalDateTime checkInAt;
    String checkInMethod;
    Long checkedInBy;
    Boolean locationVerified;
    Integer distanceM;
    boolean presenceConfirmed;
    Long confirmedBy;
    LocalDateTime checkOutAt;
    String checkOutMethod;
    Integer attendedMinutes;
    Boolean credited;
    BigDecimal hours;
    LocalDateTime settledAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getSignupId() { return signupId; }
    public void setSignupId(Long signupId) { this.signupId = signupId; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
    public String getPersonKey() { return personKey; }
    public void setPersonKey(String personKey) { this.personKey = personKey; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public LocalDateTime getCheckInAt() { return checkInAt; }
    public void setCheckInAt(LocalDateTime checkInAt) { this.checkInAt = checkInAt; }
    public String getCheckInMethod() { return checkInMethod; }
    public void setCheckInMethod(String checkInMethod) { this.checkInMethod = checkInMethod; }
    public Long getCheckedInBy() { return checkedInBy; }
    public void setCheckedInBy(Long checkedInBy) { this.checkedInBy = checkedInBy; }
    public Boolean getLocationVerified() { return locationVerified; }
    public void setLocationVerified(Boolean locationVerified) { this.locationVerified = locationVerified; }
    public Integer getDistanceM() { return distanceM; }
    public void setDistanceM(Integer distanceM) { this.distanceM = distanceM; }
    public boolean isPresenceConfirmed() { return presenceConfirmed; }
    public void setPresenceConfirmed(boolean presenceConfirmed) { this.presenceConfirmed = presenceConfirmed; }
    public Long getConfirmedBy() { return confirmedBy; }
    public void setConfirmedBy(Long confirmedBy) { this.confirmedBy = confirmedBy; }
    public String getCheckOutMethod() { return checkOutMethod; }
    public void setCheckOutMethod(String checkOutMethod) { this.checkOutMethod = checkOutMethod; }
    public LocalDateTime getCheckOutAt() { return checkOutAt; }
    public void setCheckOutAt(LocalDateTime checkOutAt) { this.checkOutAt = checkOutAt; }
    public Integer getAttendedMinutes() { return attendedMinutes; }
    public void setAttendedMinutes(Integer attendedMinutes) { this.attendedMinutes = attendedMinutes; }
    public Boolean getCredited() { return credited; }
    public void setCredited(Boolean credited) { this.credited = credited; }
    public BigDecimal getHours() { return hours; }
    public void setHours(BigDecimal hours) { this.hours = hours; }
    public LocalDateTime getSettledAt() { return settledAt; }
    public void setSettledAt(LocalDateTime settledAt) { this.settledAt = settledAt; }
}
