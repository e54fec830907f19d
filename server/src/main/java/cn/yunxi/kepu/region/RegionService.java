package cn.yunxi.kepu.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;

/**
 * The 云溪区 division tree. It is reference data that only a migration changes, so it is read once and kept in
 * memory; every instance reads the same migration-seeded rows.
 */
@Service
public class RegionService {

    public static final String DISTRICT_CODE = "430603";

    private final RegionMapper regions;
    private volatile Snapshot snapshot;

    RegionService(RegionMapper regions) {
        this.regions = regions;
    }

    public RegionNode tree() {
        return snapshot().tree();
    }

    public Optional<RegionInfo> find(String code) {
        return Optional.ofNullable(code).map(c -> snapshot().byCode().get(c));
    }

    /** Residents belong to a village or community, never to a town as a whole. */
    public boolean isVillage(String code) {
        return find(code).map(r -> r.level() == RegionLevel.VILLAGE).orElse(false);
    }

    public List<RegionInfo> villages() {
        return snapshot().byCode().values().stream().filter(r -> r.level() == RegionLevel.VILLAGE).toList();
    }

    public List<RegionInfo> towns() {
        return snapshot().byCode().values().stream().filter(r -> r.level() == RegionLevel.TOWN).toList();
    }

    /** A hash of the tree, used as the HTTP ETag of GET /regions. */
    public String version() {
        return snapshot().version();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private Snapshot load() {
        List<Region> rows = regions.selectList(new QueryWrapper<Region>().orderByAsc("sort_order", "code"));
        Map<String, Region> byCode = new LinkedHashMap<>();
        rows.forEach(r -> byCode.put(r.getCode(), r));
        Map<String, RegionInfo> infos = new LinkedHashMap<>();
        for (Region r : rows) {
            RegionLevel level = RegionLevel.valueOf(r.getLevel());
            Region town = switch (level) {
                case DISTRICT -> null;
                case TOWN -> r;
                case VILLAGE -> byCode.get(r.getParentCode());
            };
            infos.put(r.getCode(), new RegionInfo(r.getCode(), r.getName(), level,
                    town == null ? null : town.getCode(), town == null ? null : town.getName(), r.getPopulation()));
        }
        RegionNode tree = node(byCode.get(DISTRICT_CODE), rows);
        return new Snapshot(tree, infos, Integer.toHexString(tree.hashCode()));
    }

    private static RegionNode node(Region region, List<Region> all) {
        List<RegionNode> children = new ArrayList<>();
        all.stream()
                .filter(r -> region.getCode().equals(r.getParentCode()))
                .sorted(Comparator.comparing(Region::getSortOrder).thenComparing(Region::getCode))
                .forEach(child -> children.add(node(child, all)));
        return new RegionNode(region.getCode(), region.getName(), RegionLevel.valueOf(region.getLevel()),
                region.getKind(), region.getPopulation(), Boolean.TRUE.equals(region.getSampleData()),
                List.copyOf(children));
    }

    private record Snapshot(RegionNode tree, Map<String, RegionInfo> byCode, String version) {
    }
}
