package cn.yunxi.kepu.resident;

import org.jspecify.annotations.Nullable;

/**
 * What other features may know of a resident: enough to check eligibility and to count them in statistics,
 * never the phone in clear.
 */
public record ResidentSummary(long id, boolean active, @Nullable String nickname, @Nullable String regionCode,
                              @Nullable PopulationGroup populationGroup, Integer birthYear, boolean elderMode,
                              @Nullable String phoneMasked) {
}
