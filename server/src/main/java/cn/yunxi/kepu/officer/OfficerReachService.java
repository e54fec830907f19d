package cn.yunxi.kepu.officer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.officer.OfficerRepository.OfficerRow;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * Where an officer's shares were read (the "我的传播" page): opens through their share links, and the residents
 * who opened them counted by the village they live in now. The reader's village comes from the resident feature
 * at query time; a reader without a village (or whose account is gone without one) counts under no village.
 */
@Service
class OfficerReachService {

    /** Viewer keys of share opens are {@code R:<residentId>} (see {@link OfficerActivityService#recordShareOpen}). */
    private static final String RESIDENT_KEY_PREFIX = "R:";

    private final OfficerRepository officers;
    private final JdbcClient jdbc;
    private final ResidentService residents;
    private final RegionService regions;

    OfficerReachService(OfficerRepository officers, JdbcClient jdbc, ResidentService residents, RegionService regions) {
        this.officers = officers;
        this.jdbc = jdbc;
        this.residents = residents;
        this.regions = regions;
    }

    ReachByVillage byVillage(long residentId) {
        OfficerRow officer = officers.approvedOfResident(residentId)
                .orElseThrow(() -> new ApiException(OfficerErrors.NOT_OFFICER));
        Map<Long, Long> opensByReader = new HashMap<>();
        // Readers whose account was deleted keep a key that names nobody: still reached, under no village.
        Map<String, Long> opensByFormerReader = new HashMap<>();
        jdbc.sql("SELECT so.viewer_key, COUNT(*) AS opens FROM officer_share_open so "
                        + "JOIN officer_activity a ON a.id = so.activity_id WHERE a.officer_id = ? GROUP BY so.viewer_key")
                .param(officer.id())
                .query((rs, row) -> {
                    String key = rs.getString("viewer_key");
                    if (key.startsWith(RESIDENT_KEY_PREFIX)) {
                        opensByReader.put(Long.parseLong(key.substring(RESIDENT_KEY_PREFIX.length())), rs.getLong("opens"));
                    } else {
                        opensByFormerReader.put(key, rs.getLong("opens"));
                    }
                    return null;
                }).list();
        long opens = opensByReader.values().stream().mapToLong(Long::longValue).sum()
                + opensByFormerReader.values().stream().mapToLong(Long::longValue).sum();
        long readers = opensByReader.size() + opensByFormerReader.size();
        Map<String, Long> readersByVillage = new HashMap<>();
        for (ResidentSummary reader : residents.findAll(opensByReader.keySet())) {
            readersByVillage.merge(reader.regionCode() == null ? "" : reader.regionCode(), 1L, Long::sum);
        }
        // A reader the directory no longer knows still counted as reached: under no village.
        long placed = readersByVillage.values().stream().mapToLong(Long::longValue).sum();
        if (placed < readers) {
            readersByVillage.merge("", readers - placed, Long::sum);
        }
        List<VillageReach> villages = new ArrayList<>();
        readersByVillage.forEach((code, count) -> villages.add(village(code, count)));
        villages.sort(Comparator.comparingLong(VillageReach::residents).reversed()
                .thenComparing(v -> v.regionCode() == null ? "~" : v.regionCode()));
        return new ReachByVillage(opens, readers, villages);
    }

    private VillageReach village(String code, long count) {
        if (code.isEmpty()) {
            return new VillageReach(null, "未填写村（社区）", null, count);
        }
        RegionInfo region = regions.find(code).orElse(null);
        return region == null ? new VillageReach(code, code, null, count)
                : new VillageReach(code, region.name(), region.townName(), count);
    }

    /**
     * @param opens            opens through this officer's share links (one per reader and share)
     * @param reachedResidents distinct readers
     * @param villages         readers by the village they live in, most first
     */
    record ReachByVillage(long opens, long reachedResidents, List<VillageReach> villages) {
    }

    /** @param regionCode null for readers without a village */
    record VillageReach(@Nullable String regionCode, @Nullable String regionName, @Nullable String townName,
                        long residents) {
    }
}
