package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.console.ConsoleAccounts.Account;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Questions and contests in the console: an import with a bad row, a town's own contest published and followed. */
@KepuIntegrationTest
class QuizPagesIT extends ConsolePageSupport {

    @Test
    void anImportWithABadRowShowsThatRowAndItsReasonOnThePage() throws Exception {
        Account author = ConsoleAccounts.ready(api, admin, "UNIT_ADMIN", ConsoleAccounts.unit(jdbc, "KX"), "出题人");
        String marker = UUID.randomUUID().toString().substring(0, 6);
        Path file = filledTemplate(author.token(api), new String[][] {
                {"单选", "页面导入" + marker + "：水的沸点？", "50℃", "100℃", "", "", "", "", "B", "标准大气压下。", "易", "物理", "", ""},
                {"单选", "页面导入" + marker + "：坏行", "甲", "乙", "", "", "", "", "C", "", "", "", "", ""}});

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(author.username(), author.password());
            browser.menu("/quiz/questions");
            browser.click("import-questions");
            browser.test("question-import");
            browser.attach("import-file", file);

            browser.test("import-report");
            assertThat(browser.text("[data-test='import-summary']")).contains("共 2 行", "导入 0 道", "1 行有错误");
            String errors = browser.text("[data-test='import-errors']");
            assertThat(errors).contains("3").contains("超出选项范围");
            browser.screenshot("question-import");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quiz_question WHERE stem LIKE ?", Integer.class,
                "页面导入" + marker + "%")).as("all or nothing: the good row waits for the bad one").isZero();
    }

    @Test
    void aTownAdminPublishesTheirContestAndFollowsItLive() {
        Account town = ConsoleAccounts.ready(api, admin, "TOWN_ADMIN", ConsoleAccounts.unit(jdbc, "T430603100"), "陆城镇");
        Map<String, Object> contest = new LinkedHashMap<>();
        contest.put("kind", "CONTEST");
        contest.put("title", "陆城镇防灾减灾知识竞赛");
        contest.put("opensAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).toString());
        contest.put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).toString());
        contest.put("timeLimitSeconds", 900);
        contest.put("questionCount", 3);
        contest.put("passPercent", 60);
        ApiClient.Response created = api.post("/api/admin/v1/quizzes", town.token(api), ApiClient.json(contest));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        try (ConsoleBrowser browser = new ConsoleBrowser(port)) {
            browser.logIn(town.username(), town.password());
            browser.menu("/quiz/quizzes");
            browser.test("quiz-list");
            browser.until(d -> browser.text("[data-test='quiz-list'] tbody").contains("陆城镇防灾减灾知识竞赛"));
            browser.open("/admin/quiz/quizzes/" + id);
            browser.until(d -> browser.text("[data-test='quiz-status']").equals("草稿"));
            assertThat(browser.find("input[name='title']").getDomProperty("value")).isEqualTo("陆城镇防灾减灾知识竞赛");
            browser.screenshot("quiz-edit");
            browser.click("publish-quiz");
            browser.until(d -> browser.text("[data-test='quiz-status']").equals("进行中"));

            browser.open("/admin/quiz/quizzes/" + id + "/live");
            browser.until(d -> browser.text("[data-test='participants']").contains("0"));
            browser.screenshot("quiz-live");
        }
        JsonNode quiz = api.get("/api/admin/v1/quizzes/" + id, admin).json();
        assertThat(quiz.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(quiz.path("eligibleRegions").toString()).contains("430603100");
    }

    private Path filledTemplate(String token, String[][] rows) throws Exception {
        byte[] template = api.getBytes("/api/admin/v1/quiz-questions/import-template", token);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                Row example = sheet.getRow(r);
                if (example != null) {
                    sheet.removeRow(example);
                }
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            Path file = Files.createTempDirectory("kepu-import-").resolve("题目.xlsx");
            Files.write(file, out.toByteArray());
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
