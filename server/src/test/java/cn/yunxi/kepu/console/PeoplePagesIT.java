package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * The people pages as staff use them: accounts made and reset with a password shown once, volunteers and officers
 * approved or returned with a reason, the coverage table, and 科普基地 corrected and withdrawn.
 */
@KepuIntegrationTest
class PeoplePagesIT extends ConsolePageSupport {

    @Test
    void anAccountMadeOnThePageLogsInWithItsOneTimePasswordAndMustChangeIt() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区科协账号管理");
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        String password;
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/people/staff");
            browser.test("staff-list");
            browser.click("new-staff");
            browser.type("username", username);
            browser.type("displayName", "陆城镇组织者");
            pick(browser, "活动组织者");
            choose(browser, "staff-unit", "陆城镇");
            String proposed = browser.text("[data-test='proposed-password']");
            confirm(browser, "staff-dialog");

            password = browser.text("[data-test='one-time-password']");
            assertThat(password).isEqualTo(proposed).hasSize(12);
            assertThat(browser.text("[data-test='one-time-username']")).isEqualTo(username);
            browser.screenshot("people-staff-password");
            confirm(browser, "one-time-password-dialog");
            browser.until(d -> browser.text("[data-test='staff-list'] tbody").contains(username));
            assertThat(browser.text("[data-test='staff-list'] tbody")).contains("待改密码");
            browser.screenshot("people-staff");
        }
        JsonNode login = Logins.staff(api, username, password);
        assertThat(login.path("staff").path("mustChangePassword").asBoolean()).isTrue();
        assertThat(login.path("staff").path("unitName").asString()).isEqualTo("陆城镇");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(username, password);
            browser.until(d -> browser.path().startsWith("/admin/password"));
        }
    }

    @Test
    void aResetPasswordIsShownOnceAndTheOldOneStopsWorking() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "重置密码的人");
        Account organiser = ConsoleAccounts.ready(api, admin, "ORGANISER", ConsoleAccounts.unit(jdbc, "KX"), "忘了密码的人");
        String password;
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/people/staff");
            browser.test("staff-list");
            WebElement actions = row(browser, "staff-actions-" + organiser.username());
            browser.press(d -> actions.findElement(By.cssSelector("[data-test='reset-password']")));
            confirm(browser, null);
            password = browser.text("[data-test='one-time-password']");
        }
        assertThat(api.post("/api/admin/v1/auth/login", null, ApiClient.json(Map.of("username", organiser.username(),
                "password", organiser.password())), Map.of("X-Forwarded-For", Logins.clientAddress())).status())
                .isEqualTo(401);
        assertThat(Logins.staff(api, organiser.username(), password).path("staff").path("mustChangePassword")
                .asBoolean()).isTrue();
    }

    @Test
    void aTownAdminApprovesOneVolunteerAndReturnsAnotherWithAReason() {
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇管理员");
        String village = jdbc.queryForObject("SELECT code FROM region WHERE level = 'VILLAGE' AND parent_code = '430603100' "
                + "ORDER BY code LIMIT 1", String.class);
        long approved = volunteer("页面志愿者甲", village);
        long rejected = volunteer("页面志愿者乙", village);
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.menu("/people/volunteers");
            browser.test("volunteer-list");
            browser.screenshot("people-volunteers");

            browser.press(d -> row(browser, "volunteer-actions-" + approved).findElement(By.cssSelector("[data-test='approve']")));
            confirm(browser, "review-dialog");
            browser.until(d -> d.findElements(By.cssSelector("[data-test='volunteer-actions-" + approved + "'] [data-test='approve']")).isEmpty());
            // as a person would: the approval's dialog is gone before the next one is opened
            browser.until(d -> d.findElements(By.cssSelector("[data-test='review-dialog'] .t-dialog__confirm")).stream()
                    .noneMatch(WebElement::isDisplayed));

            browser.press(d -> row(browser, "volunteer-actions-" + rejected).findElement(By.cssSelector("[data-test='reject']")));
            confirm(browser, "review-dialog");
            assertThat(browser.text("[data-test='review-dialog'] .t-is-error")).contains("请填写原因");
            browser.type("note", "请补充可服务时间");
            confirm(browser, "review-dialog");
            browser.until(d -> d.findElements(By.cssSelector("[data-test='volunteer-actions-" + rejected + "'] [data-test='reject']")).isEmpty());

            pick(browser, "已通过");
            browser.until(d -> browser.text("[data-test='volunteer-list'] tbody").contains("页**"));
            WebElement row = row(browser, "volunteer-actions-" + approved).findElement(By.xpath("ancestor::tr"));
            assertThat(row.getText()).contains("已通过");
            browser.press(d -> row.findElement(By.cssSelector("[data-test='services']")));
            browser.until(d -> browser.text("[data-test='service-drawer']").contains("还没有服务记录"));
        }
        assertThat(status("volunteer", approved)).isEqualTo("APPROVED");
        assertThat(status("volunteer", rejected)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("SELECT review_note FROM volunteer WHERE id = ?", String.class, rejected))
                .isEqualTo("请补充可服务时间");
    }

    @Test
    void anApprovedOfficerShowsInTheListAndTheCoverageTableListsEveryVillageOfTheTown() {
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603101"), "路口镇管理员");
        String resident = Logins.residentToken(api);
        ApiClient.Response applied = api.post("/api/v1/officers/applications", resident, ApiClient.json(Map.of(
                "role", "PROMOTER", "regionCode", "430603101203", "realName", "李宣传", "phone", "13900001111",
                "motivation", "村里的科普宣传我来做")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        long id = applied.json().path("id").asLong();
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.menu("/people/officers");
            browser.test("officer-list");
            browser.press(d -> row(browser, "officer-actions-" + id).findElement(By.cssSelector("[data-test='approve']")));
            browser.type("note", "村委推荐");
            confirm(browser, "review-dialog");
            browser.until(d -> d.findElements(By.cssSelector("[data-test='officer-actions-" + id + "']")).isEmpty());
            pick(browser, "已通过");
            browser.until(d -> browser.text("[data-test='officer-list'] tbody").contains("李**"));
            browser.screenshot("people-officers");

            browser.click("open-coverage");
            browser.test("officer-coverage");
            pick(browser, "科普宣传员");
            browser.until(d -> browser.text("[data-test='coverage-table'] tbody").contains("路口样例村3"));
            String table = browser.text("[data-test='coverage-table'] tbody");
            assertThat(table).contains("李**").doesNotContain("陆城镇");
            assertThat(browser.text("[data-test='coverage-summary']")).containsPattern("\\d+ / \\d+ 个村（社区）有科普宣传员");
            browser.screenshot("people-officer-coverage");
        }
        assertThat(status("science_officer", id)).isEqualTo("APPROVED");
    }

    @Test
    void theDistrictCorrectsABaseAndWithdrawsItWhileItsCheckInsStay() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "基地管理");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "页面基地" + tag);
        body.put("type", "EDUCATION");
        body.put("level", "DISTRICT");
        body.put("accreditedOn", "2024-05-01");
        body.put("address", "云溪区某路 1 号");
        body.put("latitude", 29.45);
        body.put("longitude", 113.25);
        ApiClient.Response created = api.post("/api/admin/v1/bases", admin, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String resident = Logins.residentToken(api);
        assertThat(api.post("/api/v1/bases/" + id + "/check-ins", resident,
                ApiClient.json(Map.of("latitude", 29.45, "longitude", 113.25))).status()).isEqualTo(201);

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/people/bases");
            browser.test("base-list");
            browser.press(d -> row(browser, "base-actions-" + id).findElement(By.cssSelector("[data-test='edit-base']")));
            browser.until(d -> browser.find("[data-test='base-dialog'] input[name='name']").getDomProperty("value")
                    .equals("页面基地" + tag));
            browser.type("name", "页面基地（更正）" + tag);
            confirm(browser, "base-dialog");
            browser.until(d -> browser.text("[data-test='base-table'] tbody").contains("页面基地（更正）" + tag));
            String line = row(browser, "base-actions-" + id).findElement(By.xpath("ancestor::tr")).getText();
            assertThat(line).contains("区级", "1");
            browser.screenshot("people-bases");

            browser.press(d -> row(browser, "base-actions-" + id).findElement(By.cssSelector("[data-test='withdraw-base']")));
            confirm(browser, null);
            browser.until(d -> d.findElements(By.cssSelector("[data-test='base-actions-" + id + "']")).isEmpty());
            pick(browser, "已撤销");
            browser.until(d -> browser.text("[data-test='base-table'] tbody").contains("页面基地（更正）" + tag));
        }
        assertThat(jdbc.queryForMap("SELECT name, status FROM science_base WHERE id = ?", id))
                .containsEntry("name", "页面基地（更正）" + tag).containsEntry("status", "WITHDRAWN");
    }

    private long volunteer(String name, String village) {
        ApiClient.Response applied = api.post("/api/v1/volunteers/me", Logins.residentToken(api), ApiClient.json(Map.of(
                "realName", name, "skills", List.of("智能手机教学"), "regionCode", village, "availability", "周末")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private String status(String table, long id) {
        return jdbc.queryForObject("SELECT status FROM " + table + " WHERE id = ?", String.class, id);
    }

    /** The actions cell with the given data-test, once the table shows it. */
    static WebElement row(ConsoleBrowser browser, String dataTest) {
        return browser.until(d -> d.findElements(By.cssSelector("[data-test='" + dataTest + "']")).stream()
                .findFirst().orElse(null));
    }

    /** Clicks the confirm button of the dialog with that data-test (null: the confirmation box on top). */
    static void confirm(ConsoleBrowser browser, String dialog) {
        browser.confirmDialog(dialog);
    }

    /**
     * Clicks the TDesign radio (or radio button) labelled {@code label}. Its label holds a hidden input that
     * WebDriver does not count as clickable, so the click is the one a person's mouse makes on the label.
     */
    static void pick(ConsoleBrowser browser, String label) {
        WebElement radio = browser.until(d -> d.findElements(By.xpath("//label[contains(@class, 't-radio')]"
                + "[normalize-space(.)='" + label + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.script("arguments[0].click()", radio);
    }

    /** Opens a TDesign select and picks the option showing {@code label}. */
    static void choose(ConsoleBrowser browser, String dataTest, String label) {
        browser.click(dataTest);
        browser.press(d -> d.findElements(By.cssSelector(".t-select-option")).stream()
                .filter(o -> o.isDisplayed() && o.getText().strip().equals(label)).findFirst().orElse(null));
    }
}
