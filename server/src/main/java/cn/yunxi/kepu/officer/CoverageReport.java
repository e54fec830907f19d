package cn.yunxi.kepu.officer;

import java.util.List;

/**
 * Which villages/communities have a (for 科普信息员: active) officer, for the plan's coverage indicators.
 *
 * @param covered villages with at least one counted officer
 * @param total   all villages and communities of the district
 */
public record CoverageReport(OfficerRole role, int covered, int total, List<VillageCoverage> villages) {

    /** One village or community, with the masked names of the officers that cover it. */
    public record VillageCoverage(String regionCode, String regionName, String townCode, String townName,
                                  boolean covered, List<String> officers) {
    }
}
