package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/**
 * The plan dashboard page of the console: every indicator the API reports is on the page with the API's target,
 * value and percentage; both charts are drawn; the drill-down shows the records behind a number, as many as the API
 * counts. Keeps target/screenshots/dashboard.png.
 */
@KepuIntegrationTest
class DashboardPageIT {

    /** 2025-06-15 10:00 in Shanghai: inside the 2022–2025 plan period. */
    static final Instant MID_2025 = Instant.parse("2025-06-15T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDashboardShowsTheApisFiguresForEveryIndicatorWithChartsAndDrillDown() {
        clock.pin(MID_2025);
        List<ParticipationRecorded> records = new ArrayList<>();
        String[] villages = {"430603001001", "430603002002", "430603100201", "430603101203"};
        String[] groups = {"FARMER", "INDUSTRIAL_WORKER", "ELDERLY", "YOUTH"};
        for (int i = 0; i < 40; i++) {
            LocalDate day = LocalDate.of(2022, 3, 1).plusDays(i * 31L);
            records.add(Participations.attendance("page:" + UUID.randomUUID(), "R:page-" + (i % 25),
                    villages[i % villages.length], groups[i % groups.length], day, "HIGH_QUALITY_FARMERS",
                    "FARMER_TECH_STAFF_TRAINED"));
            records.add(Participations.attendance("page:" + UUID.randomUUID(), "R:page-w" + i,
                    villages[(i + 1) % villages.length], "INDUSTRIAL_WORKER", day, "SKILLS_TRAINING_PERSONS",
                    "SUBSIDISED_TRAINING_PERSON_TIMES"));
        }
        new Participations(events, transactions, jdbc).publish(records);
        ApiClient api = new ApiClient(port);
        Account official = ConsoleAccounts.ready(api, Logins.districtAdminToken(api), "DISTRICT_ADMIN", null, "区纲要办");
        String token = official.token(api);
        long planId = api.get("/api/admin/v1/plans", token).json().get(0).path("id").asLong();
        JsonNode dashboard = api.get("/api/admin/v1/plans/" + planId + "/dashboard", token).json();

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(official.username(), official.password());
            browser.find("[data-test='dashboard'][data-loaded='true']");

            List<WebElement> rows = browser.all("#indicator-table tbody tr[data-code]");
            assertThat(rows).hasSize(dashboard.path("indicators").size()).hasSizeGreaterThanOrEqualTo(13);
            for (JsonNode figure : dashboard.path("indicators")) {
                WebElement row = browser.find("#indicator-table tr[data-code='" + figure.path("code").asString() + "']");
                String code = figure.path("code").asString();
                assertThat(row.findElement(By.cssSelector(".figure-target")).getText()).as(code)
                        .isEqualTo(number(figure.path("target"), 2));
                assertThat(row.findElement(By.cssSelector(".figure-value")).getText()).as(code)
                        .isEqualTo(number(figure.path("value"), 2));
                assertThat(row.findElement(By.cssSelector(".figure-percent")).getText()).as(code)
                        .isEqualTo(figure.path("percentOfTarget").isNull() ? "—" : number(figure.path("percentOfTarget"), 1) + "%");
                assertThat(row.getText()).as(code).contains(figure.path("leadUnit").asString());
            }
            JsonNode farmers = find(dashboard, "HIGH_QUALITY_FARMERS");
            assertThat(farmers.path("value").decimalValue()).isGreaterThan(BigDecimal.ZERO);
            assertThat(browser.text("#period")).contains(dashboard.path("periodStart").asString(),
                    dashboard.path("periodEnd").asString());

            assertThat(browser.all("#progress-chart canvas")).isNotEmpty();
            assertThat(browser.all("#participation-chart canvas")).isNotEmpty();
            assertThat(browser.find("#progress-chart").getDomAttribute("aria-label")).contains("指标完成率与时间进度");
            assertThat(browser.find("#participation-chart").getDomAttribute("aria-label")).contains("活动签到");
            browser.screenshot("dashboard");

            browser.press(d -> browser.find("#indicator-table tr[data-code='HIGH_QUALITY_FARMERS'] [data-test='drill-down']"));
            JsonNode drill = api.get("/api/admin/v1/indicators/" + farmers.path("id").asLong() + "/records?size=20", token)
                    .json();
            browser.until(d -> browser.text("#records-summary").contains("共"));
            assertThat(browser.text("#records-summary")).contains("每人计 1 人").contains("共 " + drill.path("total").asLong() + " 条");
            assertThat(browser.all("#records-table tbody tr")).hasSize(Math.min(20, drill.path("items").size()));
            browser.until(d -> !browser.all("#town-chart canvas").isEmpty());
            assertThat(browser.find("#town-chart").getDomAttribute("aria-label")).contains("云溪街道", "陆城镇");
            assertThat(browser.path()).contains("indicator=" + farmers.path("id").asLong());
            browser.screenshot("dashboard-drill-down");
        }
    }

    private static JsonNode find(JsonNode dashboard, String code) {
        for (JsonNode figure : dashboard.path("indicators")) {
            if (code.equals(figure.path("code").asString())) {
                return figure;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    /** As the page writes numbers: Chinese grouping, at most {@code digits} decimals, "—" for none. */
    private static String number(JsonNode value, int digits) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0." + "#".repeat(digits), DecimalFormatSymbols.getInstance(Locale.CHINA));
        format.setRoundingMode(RoundingMode.HALF_UP); // as JavaScript's toLocaleString rounds
        return format.format(value.decimalValue());
    }
}
