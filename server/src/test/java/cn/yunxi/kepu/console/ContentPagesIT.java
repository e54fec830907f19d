package cn.yunxi.kepu.console;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/** Content in the console: write with images, submit, a second person approves and publishes, residents read it. */
@KepuIntegrationTest
class ContentPagesIT extends ConsolePageSupport {

    @Test
    void anArticleWithImagesIsSubmittedApprovedByASecondPersonAndReachesTheResidentFeed() {
        Long kx = ConsoleAccounts.unit(jdbc, "KX");
        Account writer = ConsoleAccounts.ready(api, admin, "ORGANISER", kx, "科协编辑");
        Account reviewer = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", kx, "科协审核");
        String title = "秋冬季节防流感" + UUID.randomUUID().toString().substring(0, 6);
        long id;

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(writer.username(), writer.password());
            browser.menu("/contents");
            browser.click("new-content");
            browser.test("content-edit");
            browser.type("summary", "勤洗手、常通风");
            browser.click("save");
            assertThat(browser.find("#content-form .t-is-error").getText()).contains("请填写标题");
            assertThat(browser.find("textarea[name='summary']").getDomProperty("value")).isEqualTo("勤洗手、常通风");

            browser.type("title", title);
            WebElement body = browser.find(".ProseMirror");
            body.click();
            body.sendKeys("流感高发季节，老人和孩子尤其要注意。");
            browser.attach("upload-cover", TestImages.png("cover", new Color(0, 82, 217)));
            browser.until(d -> !browser.all("[data-test='upload-cover'] img[src^='http']").isEmpty());
            browser.attach("insert-image-file", TestImages.png("inline", new Color(0, 168, 112)));
            browser.until(d -> !browser.all(".ProseMirror img[data-media-key]").isEmpty());
            browser.clickText("topics", "健康生活");
            browser.screenshot("content-edit");

            browser.click("submit");
            browser.until(d -> browser.text("[data-test='content-status']").equals("待审核"));
            id = Long.parseLong(browser.path().replaceAll(".*/contents/(\\d+).*", "$1"));
            assertThat(browser.all("[data-test='approve']")).as("an organiser does not review").isEmpty();
        }
        JsonNode draft = api.get("/api/admin/v1/contents/" + id, writer.token(api)).json();
        assertThat(draft.path("coverKey").asString()).startsWith("s/" + writer.id() + "/");
        assertThat(draft.path("bodyHtml").asString()).contains("src=\"media:s/" + writer.id() + "/");
        assertThat(draft.path("topics").toString()).contains("HEALTH");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(reviewer.username(), reviewer.password());
            browser.menu("/contents/review");
            browser.find("[data-test='content-" + id + "']");
            browser.screenshot("content-review");
            browser.press(d -> browser.find("[data-test='content-" + id + "']"));
            browser.click("approve");
            browser.until(d -> browser.text("[data-test='content-status']").equals("已通过待发布"));
            browser.click("publish");
            browser.until(d -> browser.text("[data-test='content-status']").equals("已发布"));
            assertThat(browser.text("[data-test='history']")).contains("提交审核", "审核通过", "发布", "科协编辑", "科协审核");
            browser.screenshot("content-published");
        }

        String resident = Logins.residentToken(api);
        JsonNode feed = api.get("/api/v1/contents?keyword=" + URLEncoder.encode(title, StandardCharsets.UTF_8), resident).json();
        assertThat(feed.path("items").get(0).path("id").asLong()).isEqualTo(id);
        JsonNode item = api.get("/api/v1/contents/" + id, resident).json();
        assertThat(item.path("bodyHtml").asString()).contains("流感高发季节").doesNotContain("media:");
        String image = org.jsoup.Jsoup.parse(item.path("bodyHtml").asString()).selectFirst("img").attr("src");
        assertThat(Uploads.fetch(image).statusCode()).isEqualTo(200);
        assertThat(Uploads.fetch(item.path("coverUrl").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void aUnitAdminOpeningAnotherUnitsContentByUrlIsRefused() {
        String author = Contents.organiser(api, admin);
        long id = api.post("/api/admin/v1/contents", author, ApiClient.json(Contents.article("别的单位的草稿")))
                .json().path("id").asLong();
        Account stranger = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "KGJ"), "科工局");

        assertProblem(api.get("/api/admin/v1/contents/" + id, stranger.token(api)), 404, "CONTENT_NOT_FOUND");
        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(stranger.username(), stranger.password());
            browser.open("/admin/contents/" + id);
            assertThat(browser.test("refusal").getText()).contains("无法打开", "本单位");
            assertThat(browser.all("[data-test='workflow']")).isEmpty();
            browser.open("/admin/contents");
            browser.test("content-list");
            browser.until(d -> browser.all("[data-test='content-list'] .t-table__empty, [data-test='content-list'] tbody tr").size() > 0);
            assertThat(browser.all("[data-test='content-" + id + "']")).isEmpty();
        }
    }
}
