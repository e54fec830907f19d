package cn.yunxi.kepu.emergency;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionLevel;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * Who an emergency is for. A resident belongs to a village (their profile); an emergency for a town reaches its
 * villages. A resident who has not said where they live is reached only by emergencies for the whole district.
 */
@Component
class EmergencyAudience {

    private static final int PAGE = 500;

    private final RegionService regions;
    private final ResidentService residents;
    private final EmergencyRepository repository;

    EmergencyAudience(RegionService regions, ResidentService residents, EmergencyRepository repository) {
        this.regions = regions;
        this.residents = residents;
        this.repository = repository;
    }

    /** The chosen towns/villages, checked; empty for the whole district. */
    List<String> targets(boolean wholeDistrict, Collection<String> codes) {
        Set<String> chosen = codes == null ? Set.of() : new LinkedHashSet<>(codes);
        if (wholeDistrict) {
            if (!chosen.isEmpty()) {
                throw new ApiException(EmergencyErrors.EMERGENCY_TARGET_INVALID, "选择全区时不必再选镇街或村社区");
            }
            return List.of();
        }
        if (chosen.isEmpty()) {
            throw new ApiException(EmergencyErrors.EMERGENCY_TARGET_INVALID);
        }
        for (String code : chosen) {
            RegionLevel level = regions.find(code).map(RegionInfo::level).orElse(null);
            if (level != RegionLevel.TOWN && level != RegionLevel.VILLAGE) {
                throw new ApiException(EmergencyErrors.EMERGENCY_TARGET_INVALID, "所选区域不存在：" + code);
            }
        }
        return List.copyOf(chosen);
    }

    String name(String code) {
        return regions.find(code).map(RegionInfo::name).orElse(code);
    }

    /** The codes that reach a resident of {@code villageCode}: the village and its town. */
    Set<String> placesOf(String villageCode) {
        if (villageCode == null) {
            return Set.of();
        }
        Set<String> places = new LinkedHashSet<>();
        places.add(villageCode);
        regions.find(villageCode).map(RegionInfo::townCode).ifPresent(places::add);
        return places;
    }

    /** A town and its villages: the places whose emergencies the town's staff see. Empty for no town. */
    List<String> townAndVillages(String townCode) {
        if (townCode == null) {
            return List.of();
        }
        List<String> places = new ArrayList<>();
        places.add(townCode);
        regions.villages().stream().filter(v -> townCode.equals(v.townCode())).map(RegionInfo::code)
                .forEach(places::add);
        return places;
    }

    static boolean reaches(boolean wholeDistrict, Collection<String> targets, Set<String> places) {
        return wholeDistrict || targets.stream().anyMatch(places::contains);
    }

    /**
     * Queues one message for every resident of the target who ever accepted emergency messages (whether an
     * acceptance is left is decided when sending, so the counts say who had none). Page by page.
     */
    int scheduleNotices(long emergencyId, boolean wholeDistrict, List<String> targets, LocalDateTime now) {
        int scheduled = 0;
        long after = 0;
        while (true) {
            List<Long> page = repository.subscribers(after, PAGE);
            if (page.isEmpty()) {
                return scheduled;
            }
            after = page.get(page.size() - 1);
            List<Long> reached = new ArrayList<>();
            for (ResidentSummary r : residents.findAll(page)) {
                if (r.active() && reaches(wholeDistrict, targets, placesOf(r.regionCode()))) {
                    reached.add(r.id());
                }
            }
            if (!reached.isEmpty()) {
                scheduled += repository.scheduleNotices(emergencyId, reached, now);
            }
        }
    }
}
