package cn.yunxi.kepu.event;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("event_signup")
class Signup {

    @TableId(type = IdType.AUTO)
    Long id;
    Long eventId;
    String personKey;
    String activePersonKey;
    Long residentId;
    String status;
    /** Waitlist sort key before the id: 0 by arrival, negative when a withdrawn seat put the person ahead. */
    Long waitlistOrder;
    Boolean proxy;
    String proxiedByType;
    Long proxiedById;
    String nameCipher;
    String nameMasked;
    String phoneCipher;
    String phoneHash;
    String phoneMasked;
    String formAnswers;
    String regionCode;
    String populationGroup;
    LocalDateTime createdAt;
    LocalDateTime confirmedAt;
    LocalDateTime cancelledAt;
    String cancelReason;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public String getPersonKey() { return personKey; }
    public void setPersonKey(String personKey) { this.personKey = personKey; }
    public String getActivePersonKey() { return activePersonKey; }
    public void setActivePersonKey(String activePersonKey) { this.activePersonKey = activePersonKey; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getWaitlistOrder() { return waitlistOrder; }
    public void setWaitlistOrder(Long waitlistOrder) { this.waitlistOrder = waitlistOrder; }
    public Boolean getProxy() { return proxy; }
    public void setProxy(Boolean proxy) { this.proxy = proxy; }
    public String getProxiedByType() { return proxiedByType; }
    public void setProxiedByType(String proxiedByType) { this.proxiedByType = proxiedByType; }
    public Long getProxiedById() { return proxiedById; }
    public void setProxiedById(Long proxiedById) { this.proxiedById = proxiedById; }
    public String getNameCipher() { return nameCipher; }
    public void setNameCipher(String nameCipher) { this.nameCipher = nameCipher; }
    public String getNameMasked() { return nameMasked; }
    public void setNameMasked(String nameMasked) { this.nameMasked = nameMasked; }
    public String getPhoneCipher() { return phoneCipher; }
    public void setPhoneCipher(String phoneCipher) { this.phoneCipher = phoneCipher; }
    public String getPhoneHash() { return phoneHash; }
    public void setPhoneHash(String phoneHash) { this.phoneHash = phoneHash; }
    public String getPhoneMasked() { return phoneMasked; }
    public void setPhoneMasked(String phoneMasked) { this.phoneMasked = phoneMasked; }
    public String getFormAnswers() { return formAnswers; }
    public void setFormAnswers(String formAnswers) { this.formAnswers = formAnswers; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getPopulationGroup() { return populationGroup; }
    public void setPopulationGroup(String populationGroup) { this.populationGroup = populationGroup; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(LocalDateTime confirmedAt) { this.confirmedAt = confirmedAt; }
    public LocalDateTime getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(LocalDateTime cancelledAt) { this.cancelledAt = cancelledAt; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
}
