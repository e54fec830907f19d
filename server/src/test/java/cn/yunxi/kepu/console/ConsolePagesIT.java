package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;

/**
 * The district admin's list pages load their data from the API (what the page lists is what the API lists) and each
 * is kept as a 1366×768 screenshot; a deep link opens its page directly and an unknown asset is a plain 404.
 */
@KepuIntegrationTest
class ConsolePagesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theMainListPagesShowWhatTheApiListsAndDeepLinksWork() {
        ApiClient api = new ApiClient(port);
        Account official = ConsoleAccounts.ready(api, Logins.districtAdminToken(api), "DISTRICT_ADMIN", null, "区科协");
        String token = official.token(api);
        long total = api.get("/api/admin/v1/contents?size=1", token).json().path("total").asLong();
        long selfTest = jdbc.queryForObject("SELECT id FROM quiz WHERE kind = 'SELF_TEST' ORDER BY id LIMIT 1", Long.class);

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(official.username(), official.password());

            long published = api.get("/api/admin/v1/contents?status=PUBLISHED&size=1", token).json().path("total").asLong();
            browser.open("/admin/contents?status=PUBLISHED");
            browser.test("content-list");
            // The pager reads "共 0 条数据" until the first page arrives, so wait for the API's count itself.
            showsTotal(browser, published);
            assertThat(published).isLessThanOrEqualTo(total);
            browser.screenshot("content-list");

            browser.open("/admin/comments");
            browser.test("comment-queue");
            browser.screenshot("comment-queue");

            long questions = api.get("/api/admin/v1/quiz-questions?size=1", token).json().path("total").asLong();
            browser.open("/admin/quiz/questions");
            showsTotal(browser, questions);
            browser.screenshot("question-bank");

            browser.open("/admin/quiz/quizzes");
            browser.until(d -> browser.text(".t-pagination__total").contains("共"));
            browser.screenshot("quiz-list");

            browser.open("/admin/quiz/quizzes/" + selfTest + "/report");
            browser.test("self-test-report");
            browser.until(d -> browser.text("[data-test='self-test-report']").contains("参与者自测通过率"));
            browser.screenshot("self-test-report");
        }
        assertThat(api.get("/admin/assets/no-such-file.js", null).status()).isEqualTo(404);
        ApiClient.Response deepLink = api.get("/admin/contents/12345", null);
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.body()).contains("<div id=\"app\"></div>");
        assertThat(deepLink.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    private static void showsTotal(ConsoleBrowser browser, long total) {
        String expected = "共 " + total + " 条";
        browser.until(d -> browser.text(".t-pagination__total").contains(expected));
        assertThat(browser.text(".t-pagination__total")).contains(expected);
    }
}
