package cn.yunxi.kepu.points;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kepu.points.*}: daily caps per reason (Asia/Shanghai days) and the amounts this feature awards for
 * participation published by other features.
 */
@ConfigurationProperties("kepu.points")
record PointsProperties(Map<PointsReason, Integer> dailyCaps, Integer readingAmount, Integer attendanceAmount) {

    static final Map<PointsReason, Integer> DEFAULT_CAPS = Map.of(
            PointsReason.DAILY_QUIZ, 10,
            PointsReason.CONTEST, 50,
            PointsReason.READING, 10,
            PointsReason.ATTENDANCE, 30,
            PointsReason.SHARE, 5);

    PointsProperties {
        Map<PointsReason, Integer> caps = new EnumMap<>(DEFAULT_CAPS);
        if (dailyCaps != null) {
            dailyCaps.forEach((reason, cap) -> {
                if (cap == null || cap < 0) {
                    throw new IllegalArgumentException("kepu.points.daily-caps." + reason + " must be >= 0");
                }
                caps.put(reason, cap);
            });
        }
        dailyCaps = Map.copyOf(caps);
        readingAmount = readingAmount == null ? 1 : readingAmount;
        attendanceAmount = attendanceAmount == null ? 5 : attendanceAmount;
    }

    int capOf(PointsReason reason) {
        return dailyCaps.get(reason);
    }
}
