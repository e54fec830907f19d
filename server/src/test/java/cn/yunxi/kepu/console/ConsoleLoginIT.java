package cn.yunxi.kepu.console;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logging in and out of the console, the menus of each role, the forced password change and silent renewal. */
@KepuIntegrationTest
class ConsoleLoginIT extends ConsolePageSupport {

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aWrongPasswordIsShownBesideThePasswordAndTheUsernameStays() {
        Account staff = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "KX"), "王科");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.open("/admin/");
            browser.until(d -> d.getCurrentUrl().contains("/admin/login"));
            browser.type("username", staff.username());
            browser.type("password", "not-the-password");
            browser.click("login-button");

            WebElement tip = browser.find("#login-form .t-form__item.t-is-error .t-input__extra, #login-form .t-is-error .t-form__controls-content ~ div, #login-form .t-is-error");
            assertThat(tip.getText()).contains("用户名或密码错误");
            assertThat(browser.find("input[name='username']").getDomProperty("value")).isEqualTo(staff.username());
            browser.screenshot("login");
        }
    }

    @Test
    void eachRoleSeesItsOwnMenuAndARefusalForPagesBeyondIt() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "区纲要办");
        Account organiser = ConsoleAccounts.ready(api, admin, "ORGANISER", ConsoleAccounts.unit(jdbc, "KX"), "组织者");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.until(d -> d.getCurrentUrl().endsWith("/admin/dashboard"));
            assertThat(menu(browser)).contains("领导看板", "科普内容", "待审核", "评论审核", "题库", "导入题目", "竞赛与自测");
            assertThat(browser.text("[data-test='user-menu']")).contains("区纲要办", "区级管理员");

            browser.click("user-menu");
            browser.press(d -> browser.find(".t-dropdown__item").findElement(By.xpath("//*[contains(text(),'退出登录')]")));
            browser.until(d -> d.getCurrentUrl().contains("/admin/login"));
            assertThat(browser.script("return localStorage.getItem('kepu-console-session')")).isNull();

            browser.logIn(organiser.username(), organiser.password());
            browser.until(d -> d.getCurrentUrl().endsWith("/admin/dashboard"));
            assertThat(menu(browser)).contains("领导看板", "科普内容", "题库").doesNotContain("待审核", "评论审核");
            browser.open("/admin/comments");
            assertThat(browser.test("forbidden").getText()).contains("无权访问");
        }
    }

    @Test
    void aPasswordTheAdminChoseMustBeReplacedBeforeAnythingElse() {
        Account newcomer = ConsoleAccounts.created(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(newcomer.username(), newcomer.password());
            browser.until(d -> d.getCurrentUrl().contains("/admin/password"));
            assertThat(browser.test("forced-password-change").getText()).contains("初始密码");
            assertThat(browser.all("[data-test='side-menu']")).isEmpty();
            browser.open("/admin/contents");
            browser.until(d -> d.getCurrentUrl().contains("/admin/password"));
            browser.screenshot("password-change");

            browser.type("oldPassword", newcomer.password());
            browser.type("newPassword", newcomer.password());
            browser.type("repeat", newcomer.password());
            browser.click("change-password-button");
            assertThat(browser.find("#password-form .t-is-error").getText()).contains("新密码不能与原密码相同");

            browser.type("newPassword", "Lucheng-own-2025");
            browser.type("repeat", "Lucheng-own-2025");
            browser.click("change-password-button");
            browser.until(d -> d.getCurrentUrl().endsWith("/admin/contents"));
            assertThat(menu(browser)).contains("科普内容");
        }
        assertThat(Logins.staff(api, newcomer.username(), "Lucheng-own-2025").path("staff")
                .path("mustChangePassword").asBoolean()).isFalse();
    }

    @Test
    void thePageKeepsWorkingAcrossTheAccessTokensExpiry() {
        Account staff = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "KX"), "续期");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(staff.username(), staff.password());
            browser.until(d -> d.getCurrentUrl().endsWith("/admin/dashboard"));
            browser.find("[data-test='dashboard'][data-loaded='true']");
            String before = session(browser).path("accessToken").asString();

            clock.advance(Duration.ofMinutes(31));
            assertProblem(api.get("/api/admin/v1/me", before), 401, "TOKEN_INVALID");

            browser.menu("/quiz/questions");
            browser.test("question-list");
            browser.until(d -> browser.all("[data-test='question-list'] tbody td").size() > 5);
            assertThat(browser.all("[data-test='question-list'] .t-alert--error")).isEmpty();
            assertThat(browser.all("[data-test='relogin-dialog'] .t-dialog")).noneMatch(WebElement::isDisplayed);
            String after = session(browser).path("accessToken").asString();
            assertThat(after).isNotEqualTo(before);
            assertThat(api.get("/api/admin/v1/me", after).status()).isEqualTo(200);
        }
    }

    private static List<String> menu(ConsoleBrowser browser) {
        browser.find("[data-test='side-menu']");
        return browser.all("[data-test='side-menu'] .t-menu__item").stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    private static JsonNode session(ConsoleBrowser browser) {
        Object raw = browser.script("return localStorage.getItem('kepu-console-session')");
        assertThat(raw).isNotNull();
        return JsonMapper.builder().build().readTree(raw.toString());
    }
}
