package cn.yunxi.kepu.points;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One line of a resident's points history. {@code amount} is negative for a reversal. */
public record PointsEntry(long id, PointsReason reason, String reasonLabel, String sourceKey, int requested,
                          int amount, LocalDate day, OffsetDateTime createdAt) {
}
