package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * Everyday details of the console: a second click on the open page's menu item loads its list again (keeping its
 * filters), the staff list filters, times shown and saved as Shanghai time in a browser set to another zone, and
 * a science base's photos uploaded in its edit dialog.
 */
@KepuIntegrationTest
class ConsoleDetailsPagesIT extends ConsolePageSupport {

    @Test
    void clickingTheOpenPagesMenuItemAgainReloadsItsFilteredList() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "账号管理");
        String tag = "m" + UUID.randomUUID().toString().substring(0, 6);

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/people/staff");
            browser.test("staff-list");
            browser.type("keyword", tag);
            browser.find("input[name='keyword']").sendKeys(Keys.ENTER);
            browser.until(d -> browser.path().contains("keyword=" + tag));
            browser.until(d -> browser.text("[data-test='staff-list'] tbody").contains("没有符合条件的账号"));

            // someone else adds accounts meanwhile; clicking 工作人员账号 again shows them, the filter kept
            ConsoleAccounts.created(api, admin, "ORGANISER", ConsoleAccounts.unit(jdbc, "KX"), "组织者" + tag);
            Map<String, Object> body = new HashMap<>(Map.of("username", tag + "ua", "displayName", "管理员" + tag,
                    "password", "Initial-" + tag, "role", "UNIT_ADMIN", "unitId", ConsoleAccounts.unit(jdbc, "KX")));
            assertThat(api.post("/api/admin/v1/staff", admin, ApiClient.json(body)).status()).isEqualTo(201);
            browser.menu("/people/staff");
            browser.until(d -> browser.text("[data-test='staff-list'] tbody").contains("组织者" + tag));
            assertThat(browser.path()).contains("keyword=" + tag);
            assertThat(browser.text("[data-test='staff-list'] tbody")).contains("管理员" + tag);

            // the role filter narrows it to the organiser
            PeoplePagesIT.choose(browser, "filter-role", "活动组织者");
            browser.until(d -> !browser.text("[data-test='staff-list'] tbody").contains("管理员" + tag));
            assertThat(browser.text("[data-test='staff-list'] tbody")).contains("组织者" + tag);
            assertThat(browser.path()).contains("role=ORGANISER");
        }
    }

    @Test
    void eventTimesAreShownAndSavedAsShanghaiTimeInABrowserSetToNewYork() {
        Long town = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '陆城镇'", Long.class);
        Account organiser = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", town, "陆城镇活动");
        OffsetDateTime nine = OffsetDateTime.now(Zones.SHANGHAI).plusDays(10).truncatedTo(ChronoUnit.DAYS).withHour(9);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "TRAINING");
        body.put("title", "时区检查课堂 " + UUID.randomUUID().toString().substring(0, 6));
        body.put("description", "手机支付");
        body.put("venueName", "陆城镇老年活动中心");
        body.put("venueAddress", "云溪区陆城镇");
        body.put("signupOpensAt", nine.minusDays(2).toString());
        body.put("signupClosesAt", nine.toString());
        body.put("capacity", 30);
        body.put("waitlistEnabled", false);
        body.put("sessions", List.of(Map.of("startsAt", nine.toString(), "endsAt", nine.plus(Duration.ofHours(2)).toString())));
        ApiClient.Response created = api.post("/api/admin/v1/events", organiser.token(api), ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride",
                    Map.of("timezoneId", "America/New_York"));
            browser.logIn(organiser.username(), organiser.password());
            assertThat(browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("America/New_York");
            browser.open("/admin/events/" + id);
            browser.test("event-form");
            String day = nine.toLocalDate().toString();
            browser.until(d -> (day + " 09:00").equals(browser.find("input[name='session-0-starts']").getDomProperty("value")));
            assertThat(browser.find("input[name='session-0-ends']").getDomProperty("value")).isEqualTo(day + " 11:00");
            assertThat(browser.text("[data-test='session-0']")).contains("北京时间");

            // saved with only the title changed, the times are the same instants (never shifted by the browser's zone)
            browser.type("title", "时区检查课堂（改）");
            browser.click("save-event");
            browser.until(d -> "时区检查课堂（改）".equals(api.get("/api/admin/v1/events/" + id, organiser.token(api)).json()
                    .path("title").asString()));
        }
        JsonNode session = api.get("/api/admin/v1/events/" + id, organiser.token(api)).json().path("sessions").get(0);
        assertThat(OffsetDateTime.parse(session.path("startsAt").asString()).toInstant()).isEqualTo(nine.toInstant());
        assertThat(OffsetDateTime.parse(session.path("endsAt").asString()).toInstant())
                .isEqualTo(nine.plusHours(2).toInstant());
    }

    @Test
    void aBasesPhotosAreUploadedInItsEditDialog() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "基地照片");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "照片基地" + tag);
        body.put("type", "EDUCATION");
        body.put("level", "DISTRICT");
        body.put("accreditedOn", "2024-05-01");
        body.put("address", "云溪区某路 2 号");
        body.put("latitude", 29.45);
        body.put("longitude", 113.25);
        ApiClient.Response created = api.post("/api/admin/v1/bases", admin, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/people/bases");
            browser.press(d -> PeoplePagesIT.row(browser, "base-actions-" + id).findElement(By.cssSelector("[data-test='edit-base']")));
            browser.attach("upload-base-photos", TestImages.png("base-front", new Color(0, 120, 60)));
            browser.until(d -> !browser.all("[data-test='upload-base-photos'] img[src^='http']").isEmpty());
            browser.screenshot("base-photos");
            PeoplePagesIT.confirm(browser, "base-dialog");
            browser.until(d -> browser.all("[data-test='base-dialog'] .t-dialog").stream().noneMatch(e -> e.isDisplayed()));
        }
        JsonNode base = api.get("/api/admin/v1/bases?status=ACTIVE&size=100", admin).json().path("items").findParents("base")
                .stream().map(p -> p.path("base")).filter(b -> b.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(base.path("photoKeys")).hasSize(1);
        assertThat(base.path("photoKeys").get(0).asString()).startsWith("s/" + district.id() + "/");
        assertThat(Uploads.fetch(base.path("photoUrls").get(0).asString()).statusCode()).isEqualTo(200);
    }
}
