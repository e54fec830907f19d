package cn.yunxi.kepu.region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;

import cn.yunxi.kepu.common.demodata.DemoDataProperties;

/**
 * The 云溪区 division tree. It is reference data that changes rarely (a migration, or the district importing its
 * villages from Excel), so it is read once and kept in memory. An import bumps {@code region_revision}; every
 * instance looks at that revision at most every {@link #RECHECK} and reloads when it moved, and the instance that
 * imported reloads at once. Sample villages (demo data) are part of the residents' tree only while sample material
 * is shown: otherwise no resident can choose one and no per-village figure counts one. Staff see them, marked.
 */
@Service
public class RegionService {

    public static final String DISTRICT_CODE = "430603";

    static final Duration RECHECK = Duration.ofSeconds(30);

    private final RegionMapper regions;
    private final JdbcClient jdbc;
    private final boolean samplesShown;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    RegionService(RegionMapper regions, JdbcClient jdbc, DemoDataProperties demoData) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.samplesShown = demoData.visible();
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

    /** The whole tree as staff see it: sample villages included whether or not residents see them. */
    RegionNode staffTree() {
        return snapshot().staffTree();
    }

    boolean samplesShown() {
        return samplesShown;
    }

    /** Reads the tree again on next use (after this instance imported). */
    void invalidate() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - checkedAt > RECHECK.toNanos()) {
            checkedAt = System.nanoTime();
            if (revision() != current.revision()) {
                snapshot = null;
                current = null;
            }
        }
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    checkedAt = System.nanoTime();
                    snapshot = load();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private long revision() {
        return jdbc.sql("SELECT revision FROM region_revision WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    private Snapshot load() {
        long revision = revision();
        List<Region> all = regions.selectList(new QueryWrapper<Region>().orderByAsc("sort_order", "code"));
        List<Region> rows = all.stream().filter(r -> samplesShown || !Boolean.TRUE.equals(r.getSampleData())).toList();
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
        RegionNode tree = node(byCode.get(DISTRICT_CODE), byParent(rows));
        RegionNode staffTree = samplesShown ? tree : node(byCode.get(DISTRICT_CODE), byParent(all));
        return new Snapshot(tree, staffTree, infos, Integer.toHexString(tree.hashCode()), revision);
    }

    private static Map<String, List<Region>> byParent(List<Region> rows) {
        Map<String, List<Region>> children = new HashMap<>();
        rows.stream().filter(r -> r.getParentCode() != null)
                .sorted(Comparator.comparing(Region::getSortOrder).thenComparing(Region::getCode))
                .forEach(r -> children.computeIfAbsent(r.getParentCode(), k -> new ArrayList<>()).add(r));
        return children;
    }

    private static RegionNode node(Region region, Map<String, List<Region>> byParent) {
        List<RegionNode> children = new ArrayList<>();
        byParent.getOrDefault(region.getCode(), List.of()).forEach(child -> children.add(node(child, byParent)));
        return new RegionNode(region.getCode(), region.getName(), RegionLevel.valueOf(region.getLevel()),
                region.getKind(), region.getPopulation(), Boolean.TRUE.equals(region.getSampleData()),
                List.copyOf(children));
    }

    private record Snapshot(RegionNode tree, RegionNode staffTree, Map<String, RegionInfo> byCode, String version,
                            long revision) {
    }
}
