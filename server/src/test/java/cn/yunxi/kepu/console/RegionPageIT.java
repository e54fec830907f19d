package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.region.RegionFiles;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.support.KepuIntegrationTest;

/** The district loads its villages on the region page: a bad row is shown and stops the file; a good file shows. */
@KepuIntegrationTest
class RegionPageIT extends ConsolePageSupport {

    static final List<String> CODES = List.of("430603100801", "430603100802");

    @Autowired
    RegionService regions;

    @AfterEach
    void removeImportedVillages() {
        RegionFiles.remove(jdbc, regions, CODES);
    }

    @Test
    void aBadRowIsShownOnThePageAndNothingIsWrittenThenTheCorrectedFileShowsItsVillages() throws IOException {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区划管理");
        Path bad = file("bad.xlsx", RegionFiles.workbook(
                new String[] {"陆城镇", CODES.get(0), "页面导入一村", "村", "1500"},
                new String[] {"陆城镇", CODES.get(1), "页面导入二村", "村", "一千"}));
        Path good = file("good.xlsx", RegionFiles.workbook(
                new String[] {"陆城镇", CODES.get(0), "页面导入一村", "村", "1500"},
                new String[] {"陆城镇", CODES.get(1), "页面导入二村", "村", "1000"}));

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/regions");
            browser.test("region-page");
            browser.until(d -> browser.text("[data-test='region-tree'] tbody").contains("陆城镇"));
            assertThat(browser.text("[data-test='region-summary']")).contains("样例");

            browser.attach("region-import-file", bad);
            browser.test("region-import-report");
            assertThat(browser.text("[data-test='region-import-summary']")).contains("共 2 行", "1 行有错误", "没有导入任何内容");
            assertThat(browser.text("[data-test='region-import-errors']")).contains("3", "户籍人口");
            browser.screenshot("region-import-errors");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE code IN (?, ?)", Integer.class,
                    CODES.get(0), CODES.get(1))).as("the good row waits for the bad one").isZero();
            assertThat(browser.text("[data-test='region-tree'] tbody")).doesNotContain("页面导入一村");

            browser.script("document.querySelectorAll(\"[data-test='region-import-file'] .t-upload__delete, "
                    + "[data-test='region-import-file'] .t-icon-delete\").forEach(e => e.click())");
            browser.attach("region-import-file", good);
            browser.until(d -> browser.text("[data-test='region-import-summary']").contains("新增 2 个"));
            browser.until(d -> browser.text("[data-test='region-tree'] tbody").contains("页面导入二村"));
            assertThat(browser.text("[data-test='region-tree'] tbody")).contains("页面导入一村", "1,500");
            browser.screenshot("region");
        }
        assertThat(api.get("/api/v1/regions", null).body()).contains("页面导入一村", "页面导入二村");
    }

    private static Path file(String name, byte[] content) throws IOException {
        Path file = Files.createTempDirectory("kepu-region-").resolve(name);
        Files.write(file, content);
        file.toFile().deleteOnExit();
        return file;
    }
}
