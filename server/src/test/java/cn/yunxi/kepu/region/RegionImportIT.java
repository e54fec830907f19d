package cn.yunxi.kepu.region;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/** The district loads its villages from Excel: all or nothing, every bad row named, re-imports change nothing. */
@KepuIntegrationTest
class RegionImportIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegionService regions;

    ApiClient api;
    String admin;
    final List<String> imported = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void removeImportedVillages() {
        RegionFiles.remove(jdbc, regions, imported);
    }

    @Test
    void oneBadRowAndNothingIsWrittenWhileEveryBadRowIsNamed() {
        imported.addAll(List.of("430603100701", "430603001702"));
        long revision = revision();
        byte[] file = RegionFiles.workbook(
                new String[] {"陆城镇", "430603100701", "白泥村", "村", "2380"},
                new String[] {"白云镇", "430603100702", "不存在镇的村", "村", "100"},
                new String[] {"陆城镇", "430603001703", "前缀不对村", "村", "100"},
                new String[] {"云溪街道", "430603001702", "新港社区", "社区", "-5"},
                new String[] {"云溪街道", "430603001702", "新港社区二", "居委会", ""},
                new String[] {"陆城镇", "430603100704", "白泥村", "村", ""});

        JsonNode report = importFile(file);

        assertThat(report.path("written").asBoolean()).isFalse();
        assertThat(report.path("totalRows").asInt()).isEqualTo(6);
        assertThat(report.path("errors").findValues("row").stream().map(JsonNode::asInt).toList())
                .containsExactly(3, 4, 5, 6, 7);
        List<String> reasons = report.path("errors").findValues("reason").stream().map(JsonNode::asString).toList();
        assertThat(reasons.get(0)).contains("白云镇", "不在区划中");
        assertThat(reasons.get(1)).contains("前 9 位", "430603100");
        assertThat(reasons.get(2)).contains("户籍人口");
        assertThat(reasons.get(3)).contains("与第 5 行重复", "类型应为 村 或 社区");
        assertThat(reasons.get(4)).contains("白泥村", "与第 2 行重复");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code IN "
                + "('430603100701', '430603001702', '430603100704')", Integer.class))
                .as("the good rows wait for the bad ones").isZero();
        assertThat(revision()).isEqualTo(revision);
    }

    @Test
    void aGoodFileAddsVillagesThatResidentsCanChooseAndAReimportChangesNothing() {
        imported.addAll(List.of("430603100711", "430603002712"));
        byte[] file = RegionFiles.workbook(
                new String[] {"陆城镇", "430603100711", "导入测试村", "村", "1980"},
                new String[] {"430603002", "430603002712", "导入测试社区", "社区", ""});

        JsonNode first = importFile(file);
        assertThat(first.path("written").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.path("added").asInt()).isEqualTo(2);
        assertThat(first.path("errors").size()).isZero();

        JsonNode tree = api.get("/api/v1/regions", null).json();
        JsonNode village = village(tree, "430603100", "430603100711");
        assertThat(village.path("name").asString()).isEqualTo("导入测试村");
        assertThat(village.path("population").asInt()).isEqualTo(1980);
        assertThat(village.path("sampleData").asBoolean()).isFalse();
        assertThat(village(tree, "430603002", "430603002712").has("population")).as("left empty: unknown").isFalse();

        long revision = revision();
        JsonNode again = importFile(file);
        assertThat(again.path("written").asBoolean()).isTrue();
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(revision()).as("nothing changed, nothing to reload").isEqualTo(revision);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE name IN ('导入测试村', '导入测试社区')",
                Integer.class)).isEqualTo(2);

        JsonNode corrected = importFile(RegionFiles.workbook(
                new String[] {"陆城镇", "430603100711", "导入测试村", "村", ""},
                new String[] {"长岭街道", "430603002712", "导入测试新社区", "社区", "3050"}));
        assertThat(corrected.path("updated").asInt()).isEqualTo(2);
        JsonNode after = api.get("/api/v1/regions", null).json();
        assertThat(village(after, "430603100", "430603100711").has("population"))
                .as("an emptied population becomes unknown").isFalse();
        assertThat(village(after, "430603002", "430603002712").path("name").asString()).isEqualTo("导入测试新社区");
        assertThat(revision()).isGreaterThan(revision);
    }

    @Test
    void staffSeeSampleVillagesMarkedBesideImportedOnes() {
        imported.add("430603101721");
        importFile(RegionFiles.workbook(new String[] {"路口镇", "430603101721", "导入测试二村", "村", "800"}));

        JsonNode staffTree = api.get("/api/admin/v1/regions", admin).json();
        assertThat(village(staffTree.path("tree"), "430603101", "430603101721").path("sampleData").asBoolean()).isFalse();
        assertThat(village(staffTree.path("tree"), "430603101", "430603101201").path("sampleData").asBoolean()).isTrue();
        assertThat(staffTree.has("samplesShown")).isTrue();
    }

    @Test
    void aRowWithASampleVillagesCodeReplacesTheSample() {
        String code = "430603101203";
        var sample = jdbc.queryForMap("SELECT name, kind, population, sort_order FROM region WHERE code = ?", code);
        try {
            JsonNode report = importFile(RegionFiles.workbook(new String[] {"路口镇", code, "导入替换样例村", "村", "1234"}));
            assertThat(report.path("updated").asInt()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT sample_data FROM region WHERE code = ?", Boolean.class, code)).isFalse();
            assertThat(village(api.get("/api/admin/v1/regions", admin).json().path("tree"), "430603101", code)
                    .path("name").asString()).isEqualTo("导入替换样例村");
        } finally {
            jdbc.update("UPDATE region SET name = ?, kind = ?, population = ?, sort_order = ?, sample_data = TRUE "
                    + "WHERE code = ?", sample.get("name"), sample.get("kind"), sample.get("population"),
                    sample.get("sort_order"), code);
        }
    }

    @Test
    void aNameAlreadyHeldByAnotherCodeOfTheTownIsRefused() {
        JsonNode report = importFile(RegionFiles.workbook(new String[] {"路口镇", "430603101731", "路口样例村1", "村", ""}));
        assertThat(report.path("written").asBoolean()).isFalse();
        assertThat(report.path("errors").get(0).path("reason").asString()).contains("已有“路口样例村1”", "430603101201");
    }

    @Test
    void twoImportsAtOnceAddEachVillageOnce() throws Exception {
        imported.addAll(List.of("430603100741", "430603100742"));
        byte[] file = RegionFiles.workbook(
                new String[] {"陆城镇", "430603100741", "并发导入一村", "村", "10"},
                new String[] {"陆城镇", "430603100742", "并发导入二村", "村", "20"});
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<JsonNode> task = () -> importFile(file);
            List<Future<JsonNode>> results = pool.invokeAll(List.of(task, task));
            int added = 0;
            int unchanged = 0;
            for (Future<JsonNode> result : results) {
                added += result.get().path("added").asInt();
                unchanged += result.get().path("unchanged").asInt();
            }
            assertThat(added).isEqualTo(2);
            assertThat(unchanged).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheDistrictImportsAndABrokenFileIsRefusedInChinese() {
        String unitAdmin = Contents.reviewer(api, admin);
        ApiClient.Response refused = api.postFile("/api/admin/v1/regions/import", unitAdmin, "file", "村.xlsx", XLSX,
                RegionFiles.workbook(new String[] {"陆城镇", "430603100751", "越权村", "村", ""}));
        assertThat(refused.status()).isEqualTo(403);

        assertProblem(api.postFile("/api/admin/v1/regions/import", admin, "file", "村.xlsx", XLSX,
                "not a workbook".getBytes(StandardCharsets.UTF_8)), 400, "IMPORT_FILE_INVALID");
        assertThat(api.getBytes("/api/admin/v1/regions/import-template", admin)).hasSizeGreaterThan(1000);
    }

    private JsonNode importFile(byte[] file) {
        ApiClient.Response response = api.postFile("/api/admin/v1/regions/import", admin, "file", "村.xlsx", XLSX, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM region_revision WHERE id = 1", Long.class);
    }

    private static JsonNode village(JsonNode tree, String town, String code) {
        for (JsonNode t : tree.path("children")) {
            if (t.path("code").asString().equals(town)) {
                for (JsonNode v : t.path("children")) {
                    if (v.path("code").asString().equals(code)) {
                        return v;
                    }
                }
            }
        }
        throw new AssertionError("no village " + code + " under " + town + " in " + tree);
    }
}
