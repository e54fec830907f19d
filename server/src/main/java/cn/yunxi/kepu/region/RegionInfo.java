package cn.yunxi.kepu.region;

import org.jspecify.annotations.Nullable;

/**
 * A region and its town, for other features: a village's statistics roll up to {@code townCode}.
 *
 * @param townCode the town/street the region belongs to (itself for a town, null for the district)
 */
public record RegionInfo(String code, String name, RegionLevel level, @Nullable String townCode,
                         @Nullable String townName, Integer population) {
}
