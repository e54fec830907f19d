package cn.yunxi.kepu.staff;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the plan's 责任分工 (a department, a town/street, the park, the district office).
 *
 * @param regionCode for a town unit, the town it administers
 */
public record UnitView(long id, String code, String name, String kind, @Nullable String regionCode) {
}
