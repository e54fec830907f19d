package cn.yunxi.kepu.resident;

/**
 * What other features may know of a resident: enough to check eligibility and to count them in statistics,
 * never the phone in clear.
 */
public record ResidentSummary(long id, boolean active, String nickname, String regionCode,
                              PopulationGroup populationGroup, Integer birthYear, boolean elderMode,
                              String phoneMasked) {
}
