package cn.yunxi.kepu.console;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * The plan pages as staff use them: a unit enters a manual figure with an evidence photo, a district admin (not
 * the one who entered it) approves it and the figure on the dashboard rises; a unit files its quarterly report and
 * leaves the district's "not reported" list; another unit's entry cannot be opened by its address. Keeps a
 * 1366×768 screenshot of every plan page in target/screenshots/.
 */
@KepuIntegrationTest
class PlanPagesIT {

    /** 2025-06-15 10:00 in Shanghai: inside the 2022–2025 plan period. */
    static final Instant MID_2025 = Instant.parse("2025-06-15T02:00:00Z");
    /** A quarter no other test reports on, so which units have reported is up to this test. */
    static final String QUARTER = "2023-Q3";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    long planId;

    @BeforeEach
    void setUp() {
        clock.pin(MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                planId = p.path("id").asLong();
            }
        }
        assertThat(planId).isPositive();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUnitsFigureWithAnEvidencePhotoApprovedByTheDistrictRaisesTheIndicator() {
        Account entrant = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "NYNCJ"), "农业农村局填报员");
        Account approver = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区纲要办审核员");
        JsonNode before = figure("DEMO_COOPERATIVES");
        long entered = (before.path("value").isNull() ? 0 : before.path("value").decimalValue().longValue()) + 2;
        long entryId;

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(entrant.username(), entrant.password());
            browser.menu("/plan/indicators");
            browser.find("[data-test='indicator-list'][data-loaded='true']");
            assertThat(browser.all("#indicators tbody tr[data-code]")).hasSize(dashboard().path("indicators").size());
            browser.screenshot("plan-indicators");
            browser.press(d -> browser.find("#indicators tr[data-code='DEMO_COOPERATIVES'] [data-test='open-indicator']"));
            browser.find("[data-test='indicator-detail'][data-loaded='true']");
            // a department reads the figure; the people behind figures are for the district and towns
            assertThat(browser.test("records-refused").getText()).contains("区级管理员");

            browser.click("enter-figure");
            browser.find("#entry-form");
            confirm(browser);
            // the form validates asynchronously: the messages appear a moment after the click
            browser.until(d -> browser.find("#entry-form").getText().contains("请附上佐证材料"));
            assertThat(browser.find("#entry-form").getText()).contains("请填写数据截止日期", "请填写数值", "请附上佐证材料");

            browser.type("value", "-1");
            browser.find("textarea[name='note']").sendKeys("市农业农村局 2025 年示范社认定文件");
            confirm(browser);
            assertThat(browser.find("#entry-form").getText()).contains("数值不能为负");
            assertThat(browser.find("textarea[name='note']").getDomProperty("value")).contains("示范社认定文件");

            browser.type("value", Long.toString(entered));
            browser.type("asOf", "2025-05-31");
            browser.find("input[name='asOf']").sendKeys(Keys.ENTER);
            browser.attach("upload-evidence", TestImages.png("certificate", new Color(200, 40, 40)));
            uploaded(browser, "upload-evidence");
            browser.screenshot("plan-entry-form");
            confirm(browser);

            browser.until(d -> browser.path().matches("/admin/plan/entries/\\d+.*"));
            entryId = Long.parseLong(browser.path().replaceAll(".*/plan/entries/(\\d+).*", "$1"));
            browser.until(d -> browser.text("[data-test='entry-status']").equals("待审核"));
            assertThat(browser.all("[data-test='approve']")).as("a unit does not approve").isEmpty();
            assertThat(browser.text("[data-test='review-blocker']")).contains("等待区级管理员审核");
            browser.screenshot("plan-entry-submitted");
        }
        JsonNode entry = api.get("/api/admin/v1/manual-entries/" + entryId, admin).json();
        assertThat(entry.path("asOf").asString()).isEqualTo("2025-05-31");
        assertThat(entry.path("value").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(entered));
        assertThat(entry.path("evidence").get(0).path("contentType").asString()).isEqualTo("image/png");
        assertThat(figure("DEMO_COOPERATIVES").path("value")).as("not counted before approval").isEqualTo(before.path("value"));

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(approver.username(), approver.password());
            browser.menu("/plan/entries");
            browser.find("[data-test='entry-" + entryId + "']");
            browser.screenshot("plan-entry-queue");
            browser.press(d -> browser.find("[data-test='entry-" + entryId + "']"));
            browser.find("[data-test='entry-page'][data-loaded='true']");
            browser.until(d -> Boolean.TRUE.equals(browser.script(
                    "const i = document.querySelector(\"[data-test='evidence-image'] img\"); return !!i && i.complete && i.naturalWidth > 0")));
            browser.screenshot("plan-entry-review");
            browser.click("approve");
            browser.until(d -> browser.text("[data-test='entry-status']").equals("已通过"));

            browser.menu("/dashboard");
            browser.find("[data-test='dashboard'][data-loaded='true']");
            assertThat(browser.find("#indicator-table tr[data-code='DEMO_COOPERATIVES'] .figure-value").getText())
                    .isEqualTo(Long.toString(entered));
        }
        assertThat(figure("DEMO_COOPERATIVES").path("value").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(entered));
    }

    @Test
    void aUnitsQuarterlyReportTakesItOffTheDistrictsNotReportedList() {
        // the unit with the fewest tasks; all but one are reported through the API, the last one in the browser
        JsonNode missing = api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + QUARTER, admin).json();
        JsonNode unit = StreamSupport.stream(missing.spliterator(), false)
                .min(Comparator.comparingInt(u -> u.path("tasksNotReported").size())).orElseThrow().path("unit");
        long unitId = unit.path("id").asLong();
        Account reporter = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", unitId, unit.path("name").asString() + "报送员");
        String token = reporter.token(api);
        List<JsonNode> tasks = StreamSupport.stream(api.get("/api/admin/v1/plans/" + planId + "/my-tasks?quarter=" + QUARTER,
                token).json().spliterator(), false).filter(t -> !t.path("reported").asBoolean()).toList();
        assertThat(tasks).isNotEmpty();
        for (JsonNode t : tasks.subList(0, tasks.size() - 1)) {
            assertThat(api.post("/api/admin/v1/tasks/" + t.path("task").path("id").asLong() + "/reports", token,
                    ApiClient.json(Map.of("quarter", QUARTER, "progress", "按计划推进"))).status()).isEqualTo(201);
        }
        long last = tasks.get(tasks.size() - 1).path("task").path("id").asLong();
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区纲要办");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.open("/admin/plan/reports?quarter=" + QUARTER);
            browser.find("[data-test='unit-reports'][data-loaded='true']");
            browser.find("#missing tr[data-unit='" + unitId + "']");
            browser.screenshot("plan-reports-missing");
        }
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(reporter.username(), reporter.password());
            browser.menu("/plan/reports");
            browser.find("[data-test='unit-reports'][data-loaded='true']");
            browser.open("/admin/plan/reports?quarter=" + QUARTER);
            browser.find("[data-test='unit-reports'][data-loaded='true']");
            browser.press(d -> browser.find("#my-tasks tr[data-task='" + last + "'] [data-test='report']"));
            browser.find("#report-form");
            confirm(browser);
            assertThat(browser.find("#report-form").getText()).contains("请填写工作进展");
            browser.find("textarea[name='figures']").sendKeys("培训 3 场，210 人次");
            browser.find("textarea[name='progress']").sendKeys("组织农技人员培训，开展科普下乡");
            browser.attach("upload-report-evidence", TestImages.png("training", new Color(20, 120, 200)));
            uploaded(browser, "upload-report-evidence");
            browser.screenshot("plan-report-form");
            confirm(browser);
            browser.until(d -> browser.all("#my-tasks tr[data-task='" + last + "'] [data-test='report']").isEmpty());
            assertThat(browser.text("#my-tasks tr[data-task='" + last + "']")).contains("已报送");
            browser.screenshot("plan-reports-unit");
        }
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.open("/admin/plan/reports?quarter=" + QUARTER);
            browser.find("[data-test='unit-reports'][data-loaded='true']");
            // the other units are still there, so the list has loaded
            browser.until(d -> !browser.all("#missing tr[data-unit]").isEmpty());
            assertThat(browser.all("#missing tr[data-unit='" + unitId + "']")).isEmpty();
            browser.press(d -> browser.driver.findElement(By.xpath("//*[contains(@class,'t-tabs__nav-item')][contains(.,'已报送')]")));
            browser.until(d -> browser.text("#reports").contains("组织农技人员培训"));
            assertThat(browser.all("#reports [data-test='evidence-image'] img")).isNotEmpty();
            browser.screenshot("plan-reports-received");
        }
        JsonNode after = api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + QUARTER, admin).json();
        assertThat(after.findValues("unit").stream().map(u -> u.path("id").asLong())).doesNotContain(unitId);
    }

    @Test
    void aUnitAdminCannotOpenAnotherUnitsEntryByItsAddress() {
        String agriculture = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "NYNCJ"), "农业农村局")
                .token(api);
        String key = Uploads.staffEvidence(api, agriculture, "image/png", Uploads.PNG);
        long coops = figure("DEMO_COOPERATIVES").path("id").asLong();
        ApiClient.Response entry = api.post("/api/admin/v1/indicators/" + coops + "/manual-entries", agriculture,
                ApiClient.json(Map.of("asOf", "2025-06-01", "value", 1, "evidenceKeys", List.of(key))));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        long id = entry.json().path("id").asLong();
        Account stranger = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "RSJ"), "人社局");

        assertProblem(api.get("/api/admin/v1/manual-entries/" + id, stranger.token(api)), 404, "ENTRY_NOT_FOUND");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(stranger.username(), stranger.password());
            browser.open("/admin/plan/entries/" + id);
            assertThat(browser.test("refusal").getText()).contains("无法打开", "本单位");
            assertThat(browser.all("[data-test='entry']")).isEmpty();
            assertThat(browser.all("[data-test='evidence']")).isEmpty();
            browser.open("/admin/plan/entries");
            browser.find("[data-test='entry-list']");
            browser.until(d -> !browser.all("#entries .t-table__empty, #entries tbody tr[data-entry]").isEmpty());
            assertThat(browser.all("[data-test='entry-" + id + "']")).isEmpty();
        }
    }

    @Test
    void theDistrictReadsSnapshotsAndPlansAndGetsFieldErrorsOnANewPlan() {
        ApiClient.Response taken = api.post("/api/admin/v1/plans/" + planId + "/snapshots", admin,
                ApiClient.json(Map.of("month", "2023-02")));
        assertThat(taken.status()).as(taken.toString()).isIn(201, 409);
        long snapshotId = StreamSupport.stream(api.get("/api/admin/v1/plans/" + planId + "/snapshots", admin).json()
                .spliterator(), false).filter(s -> s.path("month").asString().equals("2023-02")).findFirst().orElseThrow()
                .path("id").asLong();
        JsonNode snapshot = api.get("/api/admin/v1/plans/" + planId + "/snapshots/" + snapshotId, admin).json();
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区纲要办");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/plan/snapshots");
            browser.find("[data-test='snapshots'][data-loaded='true']");
            browser.press(d -> browser.find("[data-test='open-snapshot-2023-02']"));
            browser.until(d -> browser.all("#snapshot-values tbody tr").size() == snapshot.path("values").size());
            assertThat(browser.text("#snapshot-values")).contains(snapshot.path("values").get(0).path("name").asString());
            browser.screenshot("plan-snapshot");

            browser.open("/admin/plan/plans");
            browser.find("#plans tr[data-plan='YUNXI-2022-2025']");
            browser.screenshot("plan-plans");
            browser.press(d -> browser.find("#plans tr[data-plan='YUNXI-2022-2025'] a, #plans tr[data-plan='YUNXI-2022-2025'] .t-link"));
            browser.find("[data-test='plan-detail'][data-loaded='true']");
            browser.press(d -> browser.find("[data-test='task-units']"));
            browser.find("#task-units-form");
            browser.screenshot("plan-task-units");
            browser.type("reason", "");
            browser.click("save-task-units");
            assertThat(browser.find("#task-units-form").getText()).contains("请写明调整原因");

            browser.open("/admin/plan/plans/new");
            browser.find("[data-test='plan-create']");
            browser.type("name", "云溪区全民科学素质行动规划纲要实施方案（2026—2030）");
            browser.type("code", "bad code");
            browser.click("save-plan");
            browser.until(d -> browser.text("#plan-form").contains("规划编号为 3 到 32 位"));
            assertThat(browser.text("#plan-form")).contains("请填写印发单位");
            assertThat(browser.find("input[name='name']").getDomProperty("value")).contains("2026—2030");
            browser.screenshot("plan-new");
        }
    }

    /** Waits until the upload field holds one stored (uploaded and confirmed) file and is not uploading. */
    private static void uploaded(ConsoleBrowser browser, String field) {
        browser.find("[data-test='" + field + "'][data-stored='1'][data-uploading='false']");
    }

    /** Clicks the confirm button of the dialog on screen (pages keep closed dialogs in the document). */
    private static void confirm(ConsoleBrowser browser) {
        browser.press(d -> browser.all(".t-dialog__confirm").stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    private JsonNode dashboard() {
        return api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json();
    }

    private JsonNode figure(String code) {
        for (JsonNode f : dashboard().path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + code);
    }
}
