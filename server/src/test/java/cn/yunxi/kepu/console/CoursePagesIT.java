package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * A course written in the console: two lessons with uploaded pictures and narration, steps and lessons reordered,
 * stepped through in the phone preview, published by a colleague, and then followed by a resident.
 */
@KepuIntegrationTest
class CoursePagesIT extends ConsolePageSupport {

    @Test
    void aCourseWithTwoLessonsIsWrittenReorderedPreviewedAndPublishedByAColleague() {
        Long kx = ConsoleAccounts.unit(jdbc, "KX");
        Account author = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", kx, "科协课程编写");
        Account colleague = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", kx, "科协课程审核");
        String title = "用手机挂号" + UUID.randomUUID().toString().substring(0, 6);
        long id;

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(author.username(), author.password());
            browser.menu("/courses");
            browser.test("course-list");
            browser.click("new-course");
            browser.test("course-edit");

            // nothing filled in: the server's reasons appear beside the fields
            browser.click("save");
            assertThat(browser.find("#course-form .t-is-error").getText()).contains("请填写课程名称");
            assertThat(browser.find("[data-test='lesson-0']").getText()).contains("请填写这一课的名称");

            browser.type("title", title);
            browser.type("lesson-0-title", "找到挂号入口");
            browser.attach("upload-step-0-0-image", TestImages.png("step-a", new Color(0, 82, 217)));
            browser.type("step-0-0-caption", "打开微信，点右下角的“我”。");
            browser.attach("upload-step-0-0-audio", narration());
            browser.until(d -> "1".equals(browser.test("upload-step-0-0-audio").getDomAttribute("data-stored")));
            browser.click("lesson-0-add-step");
            browser.attach("upload-step-0-1-image", TestImages.png("step-b", new Color(0, 168, 112)));
            browser.type("step-0-1-caption", "再点“服务”。");
            choosePractice(browser, "lesson-0-practice");

            browser.click("add-lesson");
            browser.type("lesson-1-title", "选科室");
            browser.attach("upload-step-1-0-image", TestImages.png("step-c", new Color(230, 120, 0)));
            browser.type("step-1-0-caption", "点一下要看的科室。");
            choosePractice(browser, "lesson-1-practice");
            // the length hint for large type is beside the sentence while typing
            assertThat(browser.test("lesson-1-step-0").getText()).contains("9 字");

            // reorder: the second step first, then the second lesson first
            browser.click("lesson-0-step-1-up");
            assertThat(value(browser, "step-0-0-caption")).isEqualTo("再点“服务”。");
            assertThat(value(browser, "step-0-1-caption")).isEqualTo("打开微信，点右下角的“我”。");
            browser.click("lesson-1-up");
            assertThat(value(browser, "lesson-0-title")).isEqualTo("选科室");
            assertThat(value(browser, "lesson-1-title")).isEqualTo("找到挂号入口");

            browser.click("save");
            browser.until(d -> browser.path().matches("/admin/courses/\\d+"));
            id = Long.parseLong(browser.path().replaceAll(".*/courses/(\\d+).*", "$1"));
            assertThat(browser.text("[data-test='course-status']")).isEqualTo("草稿");
            assertThat(browser.test("publish-note").getText()).contains("另一位管理员");
            assertThat(browser.all("[data-test='publish']")).isEmpty();

            // the phone preview steps through the (reordered) second lesson in large type
            browser.click("preview-lesson-1");
            assertThat(browser.text("[data-test='preview-lesson']")).contains("第 2 课", "找到挂号入口");
            assertThat(browser.text("[data-test='preview-caption']")).isEqualTo("再点“服务”。");
            browser.click("preview-next");
            browser.until(d -> browser.text("[data-test='preview-progress']").equals("第 2 步，共 2 步"));
            assertThat(browser.text("[data-test='preview-caption']")).isEqualTo("打开微信，点右下角的“我”。");
            assertThat(browser.find("[data-test='preview-caption']").getCssValue("font-size")).isEqualTo("30px");
            assertThat(browser.find("[data-test='preview-image']").getDomAttribute("src")).startsWith("http");
            assertThat(browser.all("[data-test='preview-audio']")).hasSize(1);
            browser.screenshot("course-edit");
        }

        JsonNode draft = api.get("/api/admin/v1/courses/" + id, author.token(api)).json();
        assertThat(draft.path("lessons").findValuesAsString("title")).containsExactly("选科室", "找到挂号入口");
        assertThat(draft.path("lessons").get(1).path("steps").findValuesAsString("caption"))
                .containsExactly("再点“服务”。", "打开微信，点右下角的“我”。");
        assertThat(draft.path("lessons").get(1).path("steps").get(1).path("narrationKey").asString())
                .startsWith("s/" + author.id() + "/");

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(colleague.username(), colleague.password());
            browser.menu("/courses");
            browser.press(d -> browser.find("[data-test='course-" + id + "']"));
            browser.click("publish");
            browser.until(d -> browser.text("[data-test='course-status']").equals("已发布"));
            browser.menu("/courses");
            assertThat(browser.text("[data-test='course-status-" + id + "']")).isEqualTo("已发布");
            browser.screenshot("course-list");
        }

        String resident = Logins.residentToken(api);
        JsonNode course = api.get("/api/v1/courses/" + id, resident).json();
        assertThat(course.path("title").asString()).isEqualTo(title);
        assertThat(course.path("lessons").findValuesAsString("title")).containsExactly("选科室", "找到挂号入口");
        long second = course.path("lessons").get(1).path("id").asLong();
        JsonNode lesson = api.get("/api/v1/courses/lessons/" + second, resident).json();
        assertThat(lesson.path("steps").findValuesAsString("caption"))
                .containsExactly("再点“服务”。", "打开微信，点右下角的“我”。");
        assertThat(Uploads.fetch(lesson.path("steps").get(1).path("narrationUrl").asString()).statusCode()).isEqualTo(200);
        assertThat(lesson.path("practice")).hasSize(1);
    }

    /** Opens the practice picker and takes its first question. */
    private static void choosePractice(ConsoleBrowser browser, String dataTest) {
        browser.press(d -> browser.find("[data-test='" + dataTest + "']"));
        browser.press(d -> d.findElements(By.cssSelector(".t-select-option")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.find("[data-test='" + dataTest + "'] .t-tag");
        browser.find("[data-test='" + dataTest + "'] input").sendKeys(Keys.ESCAPE);
        browser.until(d -> d.findElements(By.cssSelector(".t-select-option")).stream().noneMatch(WebElement::isDisplayed));
    }

    private static String value(ConsoleBrowser browser, String name) {
        return browser.find("input[name='" + name + "'], textarea[name='" + name + "']").getDomProperty("value");
    }

    /** A few bytes named .mp3: storage checks type and size, not the sound. */
    private static Path narration() {
        try {
            Path file = Files.createTempDirectory("kepu-console-audio-").resolve("narration.mp3");
            Files.write(file, new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
