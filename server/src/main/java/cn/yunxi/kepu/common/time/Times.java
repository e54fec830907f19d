package cn.yunxi.kepu.common.time;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * The database keeps Asia/Shanghai wall-clock times (DATETIME); the API speaks ISO-8601 with offset.
 * These two helpers are the only bridge between them.
 */
public final class Times {

    private Times() {
    }

    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(Zones.SHANGHAI));
    }

    public static OffsetDateTime toOffset(LocalDateTime shanghaiTime) {
        return shanghaiTime == null ? null : shanghaiTime.atZone(Zones.SHANGHAI).toOffsetDateTime();
    }
}
