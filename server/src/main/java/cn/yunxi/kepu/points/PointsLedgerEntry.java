package cn.yunxi.kepu.points;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A row of the append-only ledger: inserted, never updated or deleted. */
@TableName("points_ledger")
class PointsLedgerEntry {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long residentId;
    private String reason;
    private String sourceKey;
    private Integer requested;
    private Integer amount;
    private LocalDate awardDay;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getResidentId() { return residentId; }
    public void setResidentId(Long residentId) { this.residentId = residentId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public Integer getRequested() { return requested; }
    public void setRequested(Integer requested) { this.requested = requested; }
    public Integer getAmount() { return amount; }
    public void setAmount(Integer amount) { this.amount = amount; }
    public LocalDate getAwardDay() { return awardDay; }
    public void setAwardDay(LocalDate awardDay) { this.awardDay = awardDay; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
