package cn.yunxi.kepu.region;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionWorkbook.SheetRow;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The district's villages and communities from Excel. The whole file is checked against the tree as it stands
 * (read under the revision row's lock, so two imports never interleave); one bad row and nothing is written, and
 * every bad row is reported with its Excel row number. Rows are matched by code: a known code updates that village,
 * a new one adds it, and villages missing from the file stay (residents and records point at them).
 */
@Service
class RegionImportService {

    static final int MAX_POPULATION = 1_000_000;
    private static final int MAX_NAME = 64;

    @Schema(name = "RegionImportRowError")
    record RowError(int row, String reason) {
    }

    /**
     * @param written whether the file went in (false when any row is bad: then added/updated/unchanged count what
     *                would have happened)
     */
    @Schema(name = "RegionImportReport")
    record Report(int totalRows, boolean written, int added, int updated, int unchanged, List<RowError> errors) {
    }

    /** A checked row, ready to write. */
    private record Village(String code, String townCode, String name, String kind, Integer population, int sortOrder) {
    }

    private final RegionMapper regions;
    private final RegionService tree;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RegionImportService(RegionMapper regions, RegionService tree, JdbcClient jdbc, TransactionTemplate transactions,
                        Clock clock) {
        this.regions = regions;
        this.tree = tree;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    byte[] template() {
        return RegionWorkbook.template(tree.towns());
    }

    Report importFrom(InputStream in, CurrentUser staff) {
        List<SheetRow> rows = RegionWorkbook.read(in);
        Report report;
        try {
            report = transactions.execute(status -> {
                jdbc.sql("SELECT revision FROM region_revision WHERE id = 1 FOR UPDATE").query(Long.class).single();
                Report result = check(rows, regions.selectList(null), staff);
                if (!result.written()) {
                    status.setRollbackOnly();
                }
                return result;
            });
        } catch (DuplicateKeyException e) {
            throw new ApiException(RegionErrors.IMPORT_CONFLICT);
        }
        if (report.written() && report.added() + report.updated() > 0) {
            tree.invalidate();
        }
        return report;
    }

    /** Checks every row against the tree and, when all are good, writes them (inside the caller's transaction). */
    private Report check(List<SheetRow> rows, List<Region> existing, CurrentUser staff) {
        Map<String, Region> byCode = new HashMap<>();
        Map<String, String> codeByTownAndName = new HashMap<>();
        List<Region> towns = new ArrayList<>();
        for (Region r : existing) {
            byCode.put(r.getCode(), r);
            codeByTownAndName.put(r.getParentCode() + "|" + r.getName(), r.getCode());
            if (RegionLevel.TOWN.name().equals(r.getLevel())) {
                towns.add(r);
            }
        }
        Map<String, Integer> rowOfCode = new HashMap<>();
        Map<String, Integer> rowOfName = new HashMap<>();
        Map<String, Integer> orderInTown = new HashMap<>();
        List<Village> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (SheetRow row : rows) {
            List<String> problems = new ArrayList<>();
            Optional<Region> town = towns.stream()
                    .filter(t -> t.getName().equals(row.town()) || t.getCode().equals(row.town())).findFirst();
            if (row.town().isEmpty()) {
                problems.add("请填写所属镇（街道）");
            } else if (town.isEmpty()) {
                problems.add("所属镇（街道）“" + row.town() + "”不在区划中，应为 "
                        + String.join("、", towns.stream().map(Region::getName).toList()) + " 之一");
            }
            String code = row.code();
            Region known = byCode.get(code);
            if (!code.matches("\\d{12}")) {
                problems.add("村（社区）代码应为 12 位数字");
            } else if (town.isPresent() && !code.startsWith(town.get().getCode())) {
                problems.add("代码 " + code + " 的前 9 位应是" + town.get().getName() + "的代码 " + town.get().getCode());
            } else if (known != null && !RegionLevel.VILLAGE.name().equals(known.getLevel())) {
                problems.add("代码 " + code + " 已是“" + known.getName() + "”的代码");
            } else if (rowOfCode.containsKey(code)) {
                problems.add("代码与第 " + rowOfCode.get(code) + " 行重复");
            }
            String name = row.name();
            if (name.isEmpty()) {
                problems.add("请填写村（社区）名称");
            } else if (name.length() > MAX_NAME) {
                problems.add("名称最多 " + MAX_NAME + " 个字");
            } else if (town.isPresent()) {
                String key = town.get().getCode() + "|" + name;
                String holder = codeByTownAndName.get(key);
                if (rowOfName.containsKey(key)) {
                    problems.add(town.get().getName() + "内的名称“" + name + "”与第 " + rowOfName.get(key) + " 行重复");
                } else if (holder != null && !holder.equals(code) && !renamedInFile(holder, rows)) {
                    problems.add(town.get().getName() + "已有“" + name + "”（代码 " + holder
                            + "），同一个村（社区）不能有两个代码");
                }
                rowOfName.putIfAbsent(key, row.rowNumber());
            }
            if (!row.kind().equals("村") && !row.kind().equals("社区")) {
                problems.add("类型应为 村 或 社区");
            }
            Integer population = population(row.population(), problems);
            rowOfCode.putIfAbsent(code, row.rowNumber());
            if (problems.isEmpty()) {
                int order = orderInTown.merge(town.get().getCode(), 1, Integer::sum);
                good.add(new Village(code, town.get().getCode(), name, row.kind(), population, order));
            } else {
                errors.add(new RowError(row.rowNumber(), String.join("；", problems)));
            }
        }
        int added = 0;
        int updated = 0;
        for (Village v : good) {
            Region before = byCode.get(v.code());
            if (before == null) {
                added++;
            } else if (changes(before, v)) {
                updated++;
            }
        }
        int unchanged = good.size() - added - updated;
        if (!errors.isEmpty() || rows.isEmpty()) {
            return new Report(rows.size(), false, added, updated, unchanged, errors);
        }
        write(good, byCode, staff);
        return new Report(rows.size(), true, added, updated, unchanged, errors);
    }

    /** Whether another row of the file gives {@code code} a new name, freeing its current one. */
    private static boolean renamedInFile(String code, List<SheetRow> rows) {
        return rows.stream().anyMatch(r -> r.code().equals(code));
    }

    private static Integer population(String text, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.replace(",", "").replace("，", "").replaceAll("\\.0+$", "");
        try {
            int value = Integer.parseInt(digits);
            if (value >= 0 && value <= MAX_POPULATION) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("户籍人口应为 0 到 " + MAX_POPULATION + " 的整数（不知道可以不填）");
        return null;
    }

    private static boolean changes(Region before, Village v) {
        return !before.getName().equals(v.name()) || !before.getKind().equals(v.kind())
                || !Objects.equals(before.getPopulation(), v.population())
                || Boolean.TRUE.equals(before.getSampleData())
                || !Objects.equals(before.getSortOrder(), v.sortOrder());
    }

    private void write(List<Village> villages, Map<String, Region> byCode, CurrentUser staff) {
        boolean changed = false;
        for (Village v : villages) {
            Region before = byCode.get(v.code());
            if (before != null && !changes(before, v)) {
                continue;
            }
            Region row = new Region();
            row.setCode(v.code());
            row.setParentCode(v.townCode());
            row.setName(v.name());
            row.setLevel(RegionLevel.VILLAGE.name());
            row.setKind(v.kind());
            row.setPopulation(v.population());
            // A real village that takes a sample's code replaces the sample: it is no longer illustrative.
            row.setSampleData(false);
            row.setSortOrder(v.sortOrder());
            if (before == null) {
                regions.insert(row);
            } else {
                // updateById leaves null columns alone; an emptied population must become unknown (NULL).
                jdbc.sql("UPDATE region SET name = ?, kind = ?, population = ?, sample_data = FALSE, sort_order = ? "
                                + "WHERE code = ?")
                        .params(v.name(), v.kind(), v.population(), v.sortOrder(), v.code()).update();
            }
            changed = true;
        }
        if (changed) {
            jdbc.sql("UPDATE region_revision SET revision = revision + 1, changed_at = ?, changed_by = ? WHERE id = 1")
                    .params(Times.now(clock), staff.id()).update();
        }
    }
}
