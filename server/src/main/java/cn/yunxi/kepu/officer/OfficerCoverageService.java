package cn.yunxi.kepu.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.officer.OfficerRepository.OfficerRow;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;

/**
 * Coverage of villages and communities by officers, for the plan: a 科普信息员 counts while active (shared content
 * or ran an activity within the configured number of days, 90 by default); a 科普宣传员 counts once approved.
 */
@Service
@EnableConfigurationProperties(OfficerProperties.class)
public class OfficerCoverageService {

    private final OfficerRepository officers;
    private final RegionService regions;
    private final OfficerProperties properties;
    private final Clock clock;

    OfficerCoverageService(OfficerRepository officers, RegionService regions, OfficerProperties properties, Clock clock) {
        this.officers = officers;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    public CoverageReport coverage(OfficerRole role) {
        LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
        LocalDate activeSince = today.minusDays(properties.activeDaysOrDefault() - 1L);
        return report(role, officers.approved(role.name()).stream()
                .filter(o -> role == OfficerRole.PROMOTER
                        || (o.lastActiveOn() != null && !o.lastActiveOn().isBefore(activeSince))).toList());
    }

    /**
     * Coverage as it stood at the end of {@code day}: officers approved by then, and for 科普信息员 active within the
     * days before it (by their recorded activities). For today or later, the same as {@link #coverage(OfficerRole)}.
     * An officer revoked since then no longer counts: the register keeps no history of revocations.
     */
    public CoverageReport coverage(OfficerRole role, LocalDate day) {
        if (!day.isBefore(LocalDate.now(clock.withZone(Zones.SHANGHAI)))) {
            return coverage(role);
        }
        LocalDate activeSince = day.minusDays(properties.activeDaysOrDefault() - 1L);
        return report(role, officers.approvedBy(role.name(), day.plusDays(1).atStartOfDay(),
                role == OfficerRole.INFO_OFFICER ? activeSince : null, day));
    }

    private CoverageReport report(OfficerRole role, List<OfficerRow> counted) {
        Map<String, List<OfficerRow>> byVillage = counted.stream().collect(Collectors.groupingBy(OfficerRow::regionCode));
        List<CoverageReport.VillageCoverage> villages = new ArrayList<>();
        int covered = 0;
        for (RegionInfo v : regions.villages()) {
            List<OfficerRow> here = byVillage.getOrDefault(v.code(), List.of());
            covered += here.isEmpty() ? 0 : 1;
            villages.add(new CoverageReport.VillageCoverage(v.code(), v.name(), v.townCode(), v.townName(),
                    !here.isEmpty(), here.stream().map(o -> o.nameMasked() == null ? "（已注销）" : o.nameMasked())
                    .toList()));
        }
        return new CoverageReport(role, covered, villages.size(), villages);
    }

    int activeDays() {
        return properties.activeDaysOrDefault();
    }

    static String masked(String name) {
        return PersonalDataCipher.maskName(name);
    }
}
