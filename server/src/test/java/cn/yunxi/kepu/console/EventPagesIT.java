package cn.yunxi.kepu.console;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Events in the console, as a town runs its own training: set it up (a field error beside the field, nothing typed
 * lost), publish it, see a resident who signed up in the mini-program on the roster, and on the day put the venue
 * screen on the projector: its QR code is the server's check-in token (read back here as a phone would), it
 * changes with the 30-second window, and the count rises when someone checks in with it. Staff of another unit
 * reach none of it by address.
 */
@KepuIntegrationTest
class EventPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        clock.reset();
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTownSetsUpPublishesAndRunsItsTrainingWithTheVenueScreen() throws Exception {
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇");
        String title = "陆城镇水稻绿色防控培训 " + System.nanoTime() % 100_000;
        long id;

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            shanghai(browser);
            browser.logIn(town.username(), town.password());
            browser.menu("/events");
            browser.test("event-list");
            browser.click("new-event");
            browser.until(d -> "NEW".equals(browser.test("event-edit").getDomAttribute("data-status")));

            // Saved without a name or place: the server's words beside the fields, the description kept.
            browser.type("description", "稻飞虱、二化螟的识别与绿色防控");
            browser.click("save-event");
            assertThat(browser.find("[data-test='event-form'] .t-is-error").getText()).contains("请填写活动名称");
            assertThat(browser.text("[data-test='event-form']")).contains("请填写活动地点");
            assertThat(browser.find("textarea[name='description']").getDomProperty("value"))
                    .isEqualTo("稻飞虱、二化螟的识别与绿色防控");

            browser.type("title", title);
            browser.type("venueName", "陆城镇农技站");
            browser.screenshot("event-edit");
            browser.click("save-event");
            browser.until(d -> browser.path().matches("/admin/events/\\d+"));
            browser.until(d -> browser.text("[data-test='event-status']").equals("草稿"));
            id = Long.parseLong(browser.path().replaceAll(".*/events/(\\d+).*", "$1"));

            browser.click("publish-event");
            assertThat(confirmDialog(browser)).contains("发布后居民即可在小程序中看到并报名");
            browser.until(d -> browser.text("[data-test='event-status']").equals("已发布"));
        }
        JsonNode event = api.get("/api/admin/v1/events/" + id, town.token(api)).json();
        assertThat(event.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(event.path("organiserUnitName").asString()).isEqualTo("陆城镇");
        assertThat(event.path("description").asString()).isEqualTo("稻飞虱、二化螟的识别与绿色防控");
        assertThat(event.path("capacity").asInt()).isEqualTo(50);

        // A resident signs up in the mini-program.
        JsonNode resident = Logins.newResident(api);
        String residentToken = resident.path("accessToken").asString();
        assertThat(api.patch("/api/v1/me", residentToken, ApiClient.json(Map.of("nickname", "王建国"))).status())
                .isEqualTo(200);
        ApiClient.Response signup = api.post("/api/v1/events/" + id + "/signups", residentToken, "{}");
        assertThat(signup.json().path("status").asString()).as(signup.toString()).isEqualTo("CONFIRMED");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.menu("/events");
            browser.until(d -> browser.text("[data-test='event-list'] tbody").contains(title));
            browser.screenshot("event-list");
            browser.press(d -> browser.find("[data-test='event-list'] [data-event-id='" + id + "']"));
            browser.click("open-roster");
            browser.until(d -> browser.text("[data-test='roster-table']").contains("王建国"));
            assertThat(browser.text("[data-test='confirmed-count']")).contains("1");
            browser.screenshot("event-roster");

            // The day of the training, ten minutes before it starts: check-in is open.
            OffsetDateTime start = OffsetDateTime.parse(event.path("sessions").get(0).path("startsAt").asString());
            clock.advance(Duration.between(Instant.now(), start.toInstant()).minusMinutes(10));

            browser.click("open-venue");
            browser.test("event-venue");
            browser.until(d -> !browser.test("event-venue").getDomAttribute("data-issued-at").isEmpty());
            browser.until(d -> browser.text("[data-test='venue-checked-in']").equals("0"));
            assertThat(browser.text("[data-test='venue-countdown']")).matches("\\d+ 秒后更新二维码");
            Number drawn = (Number) browser.script("return document.querySelector(\"[data-test='venue-qr']\")"
                    + ".getBoundingClientRect().width");
            assertThat(drawn.doubleValue()).as("large enough for a projector").isGreaterThanOrEqualTo(400);
            browser.screenshot("event-venue");

            String firstImage = qrImage(browser);
            String firstIssued = browser.test("event-venue").getDomAttribute("data-issued-at");
            String shown = decode(firstImage);
            assertThat(shown).startsWith("v1." + id + ".").contains(".IN.");

            // The resident scans the code on the screen; the count on the screen follows.
            String fresh = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                    resident.path("refreshToken").asString()))).json().path("accessToken").asString();
            ApiClient.Response scanned = api.post("/api/v1/checkins", fresh, ApiClient.json(Map.of("token", shown)));
            assertThat(scanned.status()).as(scanned.toString()).isEqualTo(200);
            browser.until(d -> browser.text("[data-test='venue-checked-in']").equals("1"));

            // Within the next 30-second window the screen shows a new code, which is again the server's.
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(45))
                    .until(d -> !qrImage(browser).equals(firstImage));
            assertThat(browser.test("event-venue").getDomAttribute("data-issued-at")).isNotEqualTo(firstIssued);
            String tokenPath = "/api/admin/v1/events/" + id + "/sessions/"
                    + event.path("sessions").get(0).path("id").asLong() + "/checkin-token";
            String staffToken = town.token(api);
            String before = api.get(tokenPath, staffToken).json().path("token").asString();
            String next = decode(qrImage(browser));
            String after = api.get(tokenPath, staffToken).json().path("token").asString();
            // (the window may turn while the screen is read: then the screen shows one of the two)
            assertThat(next).isNotEqualTo(shown).isIn(before, after);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void anotherUnitsStaffCannotOpenTheEventByItsAddress() {
        String town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇")
                .token(api);
        Map<String, Object> body = new LinkedHashMap<>();
        OffsetDateTime start = OffsetDateTime.now().plusDays(2);
        body.put("kind", "TRAINING");
        body.put("title", "别的单位的培训");
        body.put("venueName", "陆城镇农技站");
        body.put("signupOpensAt", OffsetDateTime.now().minusHours(1).toString());
        body.put("signupClosesAt", start.minusHours(1).toString());
        body.put("capacity", 30);
        body.put("sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString())));
        ApiClient.Response created = api.post("/api/admin/v1/events", town, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        long sessionId = created.json().path("sessions").get(0).path("id").asLong();
        assertThat(api.post("/api/admin/v1/events/" + id + "/publish", town, "").status()).isEqualTo(200);

        Account stranger = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "KX"), "科协");
        String strangerToken = stranger.token(api);
        assertProblem(api.get("/api/admin/v1/events/" + id, strangerToken), 404, "EVENT_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/events/" + id + "/roster", strangerToken), 404, "EVENT_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-token", strangerToken),
                404, "EVENT_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-count", strangerToken),
                404, "EVENT_NOT_FOUND");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(stranger.username(), stranger.password());
            for (String page : List.of("", "/roster", "/venue")) {
                browser.open("/admin/events/" + id + page);
                assertThat(browser.test("refusal").getText()).as(page).contains("无法打开", "本单位");
            }
            assertThat(browser.all("[data-test='venue-qr']")).isEmpty();
            browser.open("/admin/events");
            browser.test("event-list");
            browser.until(d -> !browser.all("[data-test='event-list'] .t-table__empty, [data-test='event-list'] tbody tr").isEmpty());
            assertThat(browser.all("[data-event-id='" + id + "']")).isEmpty();
        }

        // An organiser runs events on site but does not create them: the set-up page is not theirs.
        Account organiser = ConsoleAccounts.ready(api, admin, "ORGANISER", ConsoleAccounts.unit(jdbc, "KX"), "组织者");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(organiser.username(), organiser.password());
            browser.open("/admin/events/new");
            browser.until(d -> browser.path().startsWith("/admin/forbidden"));
            assertThat(browser.text(".console-content")).contains("无权");
        }
    }

    /**
     * A 科普信息员 helped at the town's training but their phone sent no position: the roster's 协助签到 tab shows the
     * check-in waiting, and the organiser who saw them helping confirms it there; only then does it count.
     */
    @Test
    void anOrganiserConfirmsAnOfficerSeenHelpingWhoseCheckinWasNotVerified() {
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇");
        String townToken = town.token(api);
        OffsetDateTime start = OffsetDateTime.now().plusMinutes(10).withNano(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "TRAINING");
        body.put("title", "协助确认培训 " + System.nanoTime() % 100000);
        body.put("venueName", "陆城镇农技站");
        body.put("latitude", 29.4730);
        body.put("longitude", 113.2720);
        body.put("checkinRadiusM", 300);
        body.put("signupOpensAt", start.minusHours(2).toString());
        body.put("signupClosesAt", start.minusMinutes(5).toString());
        body.put("capacity", 30);
        body.put("sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusHours(2).toString())));
        ApiClient.Response created = api.post("/api/admin/v1/events", townToken, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        long sessionId = created.json().path("sessions").get(0).path("id").asLong();
        assertThat(api.post("/api/admin/v1/events/" + id + "/publish", townToken, "").status()).isEqualTo(200);

        JsonNode officer = Logins.newResident(api);
        String officerToken = officer.path("accessToken").asString();
        ApiClient.Response applied = api.post("/api/v1/officers/applications", officerToken, ApiClient.json(Map.of(
                "role", "INFO_OFFICER", "regionCode", "430603100202", "realName", "司徒雷", "phone", "13900003333")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(api.post("/api/admin/v1/officers/" + applied.json().path("id").asLong() + "/approve", admin, "{}")
                .status()).isEqualTo(200);
        String venueCode = api.get("/api/admin/v1/events/" + id + "/sessions/" + sessionId + "/checkin-token",
                townToken).json().path("token").asString();
        ApiClient.Response helped = api.post("/api/v1/helper-checkins", officerToken,
                ApiClient.json(Map.of("token", venueCode)));
        assertThat(helped.status()).as(helped.toString()).isEqualTo(200);
        long checkinId = helped.json().path("id").asLong();
        String key = "event-helper:" + checkinId;

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.open("/admin/events/" + id + "/roster");
            browser.press(d -> ExpectedConditionsHelper.clickable(d, "//*[@data-test='roster-tabs']"
                    + "//*[contains(normalize-space(text()), '协助签到')]"));
            browser.until(d -> browser.text("[data-test='helpers-table']").contains("位置未核验，待确认"));
            assertThat(browser.text("[data-test='roster-tabs']")).contains("1 人待确认");
            assertThat(browser.text("[data-test='helpers-table']")).contains("司**", "科普信息员");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE record_key = ?",
                    Integer.class, key)).isZero();
            browser.screenshot("event-roster-helpers");

            browser.press(d -> d.findElement(org.openqa.selenium.By.cssSelector(
                    "[data-test='confirm-helper'][data-helper-id='" + checkinId + "']")));
            String asked = browser.until(d -> browser.all(".t-dialog").stream()
                    .filter(org.openqa.selenium.WebElement::isDisplayed).map(org.openqa.selenium.WebElement::getText)
                    .filter(t -> t.contains("确认协助者在场")).findFirst().orElse(null));
            assertThat(asked).contains("司**", "位置未核验");
            browser.confirmDialog(null);
            browser.until(d -> browser.text("[data-test='helpers-table']").contains("组织者已确认，已计入"));
            assertThat(browser.all("[data-test='confirm-helper']")).isEmpty();
            assertThat(browser.text("[data-test='roster-tabs']")).doesNotContain("待确认");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc
                .queryForObject("SELECT COUNT(*) FROM participation_record WHERE record_key = ?", Integer.class, key))
                .isEqualTo(1));
    }

    /** Finds an element by XPath once it can be clicked (null until then). */
    private static final class ExpectedConditionsHelper {
        static org.openqa.selenium.WebElement clickable(org.openqa.selenium.WebDriver d, String xpath) {
            return org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(
                    org.openqa.selenium.By.xpath(xpath)).apply(d);
        }
    }

    /** Accepts the confirmation dialog on screen (the hidden re-login dialog has buttons too); returns its text. */
    private static String confirmDialog(ConsoleBrowser browser) {
        org.openqa.selenium.WebElement dialog = browser.until(d -> browser.all(".t-dialog__modal-info, .t-dialog__modal-danger")
                .stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElse(null));
        String text = dialog.getText();
        browser.press(d -> dialog.findElement(org.openqa.selenium.By.cssSelector(".t-dialog__confirm")));
        return text;
    }

    /** The district's PCs run on Beijing time; the date pickers show the browser's own zone. */
    private static void shanghai(ConsoleBrowser browser) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride",
                Map.of("timezoneId", "Asia/Shanghai"));
    }

    /** The venue screen's QR code as the canvas draws it (a PNG data URL). */
    private static String qrImage(ConsoleBrowser browser) {
        return (String) browser.script("return document.querySelector(\"[data-test='venue-qr']\").toDataURL('image/png')");
    }

    /** Reads a QR code from a PNG data URL, as a phone's camera would read the screen. */
    private static String decode(String dataUrl) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

}
