package cn.yunxi.kepu.points;

/**
 * The outcome of {@link PointsService#award}.
 *
 * @param requested what the caller asked for
 * @param granted   what was credited after the reason's daily cap (0 when the cap was already reached)
 * @param duplicate true when this (reason, sourceKey) had been awarded before; nothing new was credited
 */
public record PointsAward(PointsReason reason, String sourceKey, int requested, int granted, boolean duplicate) {
}
