package cn.yunxi.kepu.console;

import static cn.yunxi.kepu.console.PeoplePagesIT.choose;
import static cn.yunxi.kepu.console.PeoplePagesIT.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * 应急发布 as two district admins use it: one drafts free text and cannot approve it herself, the other approves it
 * and sees it published with the audit trail; a template goes out only after 确认发布 is typed. A town admin follows
 * the emergencies for their town read-only.
 */
@KepuIntegrationTest
class EmergencyPagesIT extends ConsolePageSupport {

    private static void confirmDialog(ConsoleBrowser browser, String dialog) {
        browser.confirmDialog(dialog);
    }

    private long idOf(String title) {
        return jdbc.queryForObject("SELECT id FROM emergency WHERE title = ?", Long.class, title);
    }

    @Test
    void freeTextIsDraftedByOneAdminAndPublishedByAnother() {
        Account author = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "应急起草人");
        Account approver = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "应急审批人");
        String title = "山洪预警" + UUID.randomUUID().toString().substring(0, 6);
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(author.username(), author.password());
            browser.menu("/emergencies");
            browser.test("emergency-list");
            browser.click("new-free-text");
            browser.test("emergency-compose");
            browser.type("title", title);
            browser.type("body", "上游持续降雨，请沿河居民远离河道，听从村干部安排。");
            browser.screenshot("emergency-compose");
            browser.click("compose-submit");
            browser.until(d -> browser.path().equals("/admin/emergencies"));
            long id = browser.until(d -> jdbc.queryForList("SELECT id FROM emergency WHERE title = ?", Long.class, title)
                    .stream().findFirst().orElse(null));
            browser.until(d -> browser.text("[data-test='emergency-status-" + id + "']").equals("待审批"));

            browser.press(d -> row(browser, "emergency-actions-" + id).findElement(By.cssSelector("[data-test='approve']")));
            confirmDialog(browser, "decision-dialog");
            assertThat(browser.text("[data-test='decision-error']")).contains("不能审批自己起草的应急通知");
        }
        long id = idOf(title);
        assertThat(jdbc.queryForObject("SELECT status FROM emergency WHERE id = ?", String.class, id)).isEqualTo("PENDING");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(approver.username(), approver.password());
            browser.menu("/emergencies");
            browser.test("emergency-list");
            browser.press(d -> row(browser, "emergency-actions-" + id).findElement(By.cssSelector("[data-test='approve']")));
            confirmDialog(browser, "decision-dialog");
            browser.until(d -> browser.text("[data-test='emergency-status-" + id + "']").equals("已发布"));
            assertThat(browser.text("[data-test='emergency-delivery-" + id + "']")).contains("已送达").contains("已读");

            browser.click("emergency-title-" + id);
            WebElement audit = browser.test("audit-trail");
            browser.until(d -> audit.getText().contains("应急审批人 审批发布"));
            assertThat(audit.getText()).contains("应急起草人 起草");
            browser.screenshot("emergency-list");
        }
        assertThat(jdbc.queryForObject("SELECT approved_by FROM emergency WHERE id = ?", Long.class, id))
                .isEqualTo(approver.id());
    }

    @Test
    void aTemplateGoesOutAfterTheAdminTypesTheConfirmation() {
        Account district = ConsoleAccounts.ready(api, admin, "DISTRICT_ADMIN", null, "应急值班员");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE drafted_by = ?", Long.class, district.id());
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(district.username(), district.password());
            browser.menu("/emergencies");
            browser.click("new-from-template");
            browser.test("emergency-compose");
            choose(browser, "template-select", "高温｜示例：高温防暑");
            assertThat(browser.text("[data-test='template-preview']")).contains("高温天气");
            browser.click("compose-submit");
            browser.type("confirmText", "确认");
            confirmDialog(browser, "confirm-dialog");
            assertThat(browser.text("[data-test='confirm-error']")).contains("确认发布");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE drafted_by = ?", Long.class,
                    district.id())).isEqualTo(before);

            browser.type("confirmText", "确认发布");
            confirmDialog(browser, "confirm-dialog");
            browser.until(d -> browser.path().equals("/admin/emergencies"));
            long id = browser.until(d -> jdbc.queryForList("SELECT id FROM emergency WHERE drafted_by = ?", Long.class,
                    district.id()).stream().findFirst().orElse(null));
            browser.until(d -> browser.text("[data-test='emergency-status-" + id + "']").equals("已发布"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency_audit a JOIN emergency e ON e.id = a.emergency_id "
                + "WHERE e.drafted_by = ? AND a.action = 'CONFIRMED'", Long.class, district.id())).isEqualTo(1);
    }
    @Test
    void aTownAdminFollowsTheTownsEmergenciesWithoutAnyButton() {
        long template = api.get("/api/admin/v1/emergency-templates?activeOnly=true", admin).json().valueStream()
                .filter(t -> t.path("hazard").asString().equals("HEAT")).findFirst().orElseThrow().path("id").asLong();
        ApiClient.Response published = api.post("/api/admin/v1/emergencies/from-template", admin, ApiClient.json(Map.of(
                "templateId", template, "wholeDistrict", false, "regionCodes", List.of("430603100"),
                "endsAt", OffsetDateTime.now().plusHours(6).withNano(0).toString(), "confirmText", "确认发布")));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        long id = published.json().path("id").asLong();
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"),
                "陆城镇应急联络员");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.menu("/emergencies");
            browser.test("emergency-read-only");
            browser.until(d -> browser.text("[data-test='emergency-status-" + id + "']").equals("已发布"));
            assertThat(browser.all("[data-test='new-from-template']")).isEmpty();
            assertThat(browser.all("[data-test='new-free-text']")).isEmpty();
            assertThat(browser.all("[data-test='emergency-actions-" + id + "']")).isEmpty();
            assertThat(browser.all("[data-test='side-menu'] [data-path='/emergencies/templates']")).isEmpty();
            browser.click("emergency-title-" + id);
            WebElement audit = browser.test("audit-trail");
            browser.until(d -> audit.getText().contains("按模板确认发布"));
        }
    }
}
