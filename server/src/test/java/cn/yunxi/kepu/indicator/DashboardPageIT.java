package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;
import cn.yunxi.kepu.support.TestEnginesInitializer;

/**
 * The /admin page in headless Chromium (Debian's chromium + chromedriver; the test never downloads a browser and
 * fails when they are missing): log in, see every indicator of the plan, the charts drawn by ECharts, open a
 * drill-down. Saves a screenshot to deploy/docs/dashboard.png for the README.
 */
@KepuIntegrationTest
class DashboardPageIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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

    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assertThat(CHROMIUM).as("Chromium is required: apt-get install -y chromium chromium-driver").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver is required: apt-get install -y chromium-driver").isExecutable();
        clock.pin(PlanFixture.MID_2025);
        profile = Files.createTempDirectory("kepu-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1900", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        clock.reset();
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theDashboardPageLogsInAndDrawsEveryIndicatorWithItsCharts() throws IOException {
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

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://127.0.0.1:" + port + "/admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys(TestEnginesInitializer.BOOTSTRAP_ADMIN);
        browser.findElement(By.id("password")).sendKeys(TestEnginesInitializer.BOOTSTRAP_PASSWORD);
        browser.findElement(By.id("login-button")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

        List<WebElement> rows = browser.findElements(By.cssSelector("#indicator-table tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(13);
        WebElement farmers = browser.findElement(By.cssSelector("#indicator-table tr[data-code='HIGH_QUALITY_FARMERS']"));
        assertThat(farmers.getText()).contains("培训高素质农民").contains("区农业农村局").contains("500 人");
        assertThat(browser.findElement(By.id("period")).getText()).contains("2022-01-01").contains("2025-12-31");

        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object progressBars = js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('progress-chart')).getOption().series[0].data.length;");
        assertThat(((Number) progressBars).intValue()).isEqualTo(rows.size());
        Object workerAttendance = js.executeScript("var o = echarts.getInstanceByDom(document.getElementById('participation-chart'))"
                + ".getOption(); var i = o.xAxis[0].data.indexOf('产业工人'); return o.series[0].data[i];");
        assertThat(((Number) workerAttendance).longValue()).isGreaterThanOrEqualTo(40);
        assertThat(browser.findElements(By.cssSelector("#progress-chart canvas"))).isNotEmpty();

        farmers.findElement(By.linkText("明细")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#records-table tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("records-summary")).getText()).contains("每人计 1 人");
        Object trendPoints = js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('trend-chart')).getOption().series[0].data.length;");
        assertThat(((Number) trendPoints).intValue()).isGreaterThan(12);
        Object towns = js.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('town-chart')).getOption().xAxis[0].data;");
        assertThat(((List<?>) towns).stream().map(String::valueOf).toList()).startsWith("云溪街道", "长岭街道", "陆城镇", "路口镇");

        Path shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("..", "deploy", "docs", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
