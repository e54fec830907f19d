package cn.yunxi.kepu.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.EventPublications;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/**
 * An elder follows the sample course 用微信和子女视频通话 from the list to the certificate: resumes where they stopped,
 * repeats a step, answers the practice, and each finished lesson counts once toward the plan's 老年人 section.
 */
@KepuIntegrationTest
class CourseLearningIT {

    static final String VIDEO_CALL = "用微信和子女视频通话";
    static final String ANTI_FRAUD = "识别和防范冒充客服、刷单、养老投资诈骗";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String elder;
    long residentId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        JsonNode login = Logins.newResident(api);
        elder = login.path("accessToken").asString();
        residentId = login.path("resident").path("id").asLong();
        assertThat(api.patch("/api/v1/me", elder, ApiClient.json(Map.of("populationGroup", "ELDERLY",
                "birthYear", 1952))).status()).isEqualTo(200);
    }

    @Test
    void anElderResumesWhereTheyStoppedFinishesBothLessonsAndGetsTheCertificateOnce() {
        JsonNode card = sampleCourse(VIDEO_CALL);
        assertThat(card.path("lessonCount").asInt()).isEqualTo(2);
        assertThat(card.path("lessonsDone").asInt()).isZero();
        assertThat(card.path("sampleData").asBoolean()).isTrue();
        long courseId = card.path("id").asLong();

        JsonNode course = ok(api.get("/api/v1/courses/" + courseId, elder));
        long first = course.path("lessons").get(0).path("id").asLong();
        long second = course.path("lessons").get(1).path("id").asLong();
        assertThat(course.path("resumeLessonId").asLong()).isEqualTo(first);

        JsonNode lesson = ok(api.get("/api/v1/courses/lessons/" + first, elder));
        assertThat(lesson.path("resumeStep").asInt()).isEqualTo(1);
        assertThat(lesson.path("steps")).hasSize(2);
        assertThat(lesson.path("practice")).hasSize(2);
        assertThat(lesson.path("practice").get(0).has("correctAnswer")).isFalse();
        // the step's drawing is served to the mini-program's image component, which sends no token
        String imageUrl = lesson.path("steps").get(0).path("imageUrl").asString();
        Response image = api.get(imageUrl.substring(imageUrl.indexOf("/api/")), null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/svg+xml");
        assertThat(image.body()).contains("<svg");

        // stops at step 2, comes back later: the course and the lesson both resume there
        assertThat(api.put("/api/v1/courses/lessons/" + first + "/progress", elder, "{\"step\":2}").status()).isEqualTo(204);
        assertThat(ok(api.get("/api/v1/courses/lessons/" + first, elder)).path("resumeStep").asInt()).isEqualTo(2);
        assertThat(ok(api.get("/api/v1/courses/" + courseId, elder)).path("lessons").get(0).path("resumeStep").asInt())
                .isEqualTo(2);
        // repeats step 1, and a step past the end is the last step
        api.put("/api/v1/courses/lessons/" + first + "/progress", elder, "{\"step\":1}");
        assertThat(ok(api.get("/api/v1/courses/lessons/" + first, elder)).path("resumeStep").asInt()).isEqualTo(1);
        api.put("/api/v1/courses/lessons/" + first + "/progress", elder, "{\"step\":9}");
        assertThat(ok(api.get("/api/v1/courses/lessons/" + first, elder)).path("resumeStep").asInt()).isEqualTo(2);

        // one practice answer at a time: wrong first, with the explanation and the right answer
        long q1 = lesson.path("practice").get(0).path("id").asLong();
        JsonNode wrong = ok(api.post("/api/v1/courses/lessons/" + first + "/practice/" + q1, elder, "{\"selected\":[2]}"));
        assertThat(wrong.path("correct").asBoolean()).isFalse();
        assertThat(wrong.path("correctAnswer").get(0).asInt()).isZero();
        assertThat(wrong.path("explanation").asString()).contains("微信");

        JsonNode done1 = ok(api.post("/api/v1/courses/lessons/" + first + "/completion", elder, allAnswers(lesson, 0)));
        assertThat(done1.path("correct").asInt()).isEqualTo(2);
        assertThat(done1.path("courseCompleted").asBoolean()).isFalse();
        assertThat(done1.path("nextLessonId").asLong()).isEqualTo(second);
        assertThat(api.get("/api/v1/courses/" + courseId + "/certificate", elder).json().path("code").asString())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(ok(api.get("/api/v1/courses/" + courseId, elder)).path("resumeLessonId").asLong()).isEqualTo(second);

        JsonNode secondLesson = ok(api.get("/api/v1/courses/lessons/" + second, elder));
        assertThat(secondLesson.path("steps")).hasSize(3);
        // a wrong answer does not stop the lesson: the practice is for learning
        JsonNode done2 = ok(api.post("/api/v1/courses/lessons/" + second + "/completion", elder,
                allAnswers(secondLesson, 1)));
        assertThat(done2.path("correct").asInt()).isZero();
        assertThat(done2.path("results").get(0).path("explanation").asString()).isNotBlank();
        assertThat(done2.path("courseCompleted").asBoolean()).isTrue();
        String serial = done2.path("certificate").path("serialNo").asString();
        assertThat(serial).startsWith("KC" + courseId + "-");

        // finishing a lesson again changes nothing: one certificate, one record per lesson
        ok(api.post("/api/v1/courses/lessons/" + first + "/completion", elder, allAnswers(lesson, 0)));
        JsonNode certificate = ok(api.get("/api/v1/courses/" + courseId + "/certificate", elder));
        assertThat(certificate.path("serialNo").asString()).isEqualTo(serial);
        assertThat(certificate.path("courseTitle").asString()).isEqualTo(VIDEO_CALL);
        assertThat(certificate.path("lessonCount").asInt()).isEqualTo(2);
        assertThat(sampleCourse(VIDEO_CALL).path("certified").asBoolean()).isTrue();
        assertThat(sampleCourse(VIDEO_CALL).path("lessonsDone").asInt()).isEqualTo(2);

        EventPublications.awaitCompleted(jdbc, ParticipationRecorded.class);
        List<Map<String, Object>> records = jdbc.queryForList("SELECT id, source_type, population_group FROM "
                + "participation_record WHERE resident_id = ? AND kind = 'COURSE_LESSON'", residentId);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("source_type")).isEqualTo("COURSE");
            assertThat(r.get("population_group")).isEqualTo("ELDERLY");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_tag t JOIN participation_record r "
                + "ON r.id = t.record_id WHERE r.resident_id = ? AND t.tag = 'S:ELDERLY'", Long.class, residentId))
                .isEqualTo(2);
    }

    /**
     * 关怀模式 means listening: every step of both sample courses has narration, and the address the lesson gives is
     * one the mini-program's audio player (which sends no token) can play: 200, an audio type, an mp3 body.
     */
    @Test
    void everyStepOfTheSampleCoursesHasNarrationTheAudioPlayerCanFetch() throws IOException, InterruptedException {
        HttpClient player = HttpClient.newHttpClient();
        int steps = 0;
        for (String title : List.of(VIDEO_CALL, ANTI_FRAUD)) {
            JsonNode course = ok(api.get("/api/v1/courses/" + sampleCourse(title).path("id").asLong(), elder));
            for (JsonNode l : course.path("lessons")) {
                for (JsonNode step : ok(api.get("/api/v1/courses/lessons/" + l.path("id").asLong(), elder)).path("steps")) {
                    String url = step.path("narrationUrl").asString("");
                    assertThat(url).as("narration of %s, lesson %s, step %s", title, l.path("title").asString(),
                            step.path("position").asInt()).contains("/api/v1/course-art/sample-").endsWith(".mp3");
                    HttpResponse<byte[]> audio = player.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(audio.statusCode()).as(url).isEqualTo(200);
                    assertThat(audio.headers().firstValue("Content-Type").orElse("")).as(url).startsWith("audio/");
                    // an ID3v2 header, then MPEG audio: seconds of speech, well under the mini-program's limits
                    assertThat(new String(Arrays.copyOf(audio.body(), 3), StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
                    assertThat(audio.body().length).isBetween(5_000, 200_000);
                    steps++;
                }
            }
        }
        assertThat(steps).as("5 steps of the video-call course and 8 of the anti-fraud one").isEqualTo(13);
        assertThat(api.get("/api/v1/course-art/no-such-narration.mp3", null).status()).isEqualTo(404);
    }

    /**
     * A “这条短信可信吗？” card answered wrong goes to the 错题本 like any practice question: its stem carries the whole
     * message, so the book shows it in full and practising from the book asks it again with its options.
     */
    @Test
    void aScenarioAnsweredWrongIsKeptInTheWrongBookWithTheWholeMessage() {
        JsonNode card = ok(api.get("/api/v1/practice/next?source=RANDOM&topic="
                + URLEncoder.encode("短信辨别", StandardCharsets.UTF_8), elder));
        long id = card.path("questionId").asLong();
        assertThat(card.path("stem").asString()).startsWith("短信：").contains("可信吗");
        String answer = jdbc.queryForObject("SELECT answer FROM quiz_question WHERE id = ?", String.class, id);
        int wrong = "0".equals(answer) ? 1 : 0;

        JsonNode feedback = ok(api.post("/api/v1/practice/answers", elder, ApiClient.json(Map.of("questionId", id,
                "selected", List.of(wrong)))));
        assertThat(feedback.path("correct").asBoolean()).isFalse();
        assertThat(feedback.path("inWrongBook").asBoolean()).isTrue();

        JsonNode book = ok(api.get("/api/v1/practice/wrong-book", elder));
        assertThat(book.path("items")).hasSize(1);
        assertThat(book.path("items").get(0).path("questionId").asLong()).isEqualTo(id);
        assertThat(book.path("items").get(0).path("stem").asString()).isEqualTo(card.path("stem").asString());
        JsonNode again = ok(api.get("/api/v1/practice/next?source=WRONG_BOOK", elder));
        assertThat(again.path("questionId").asLong()).isEqualTo(id);
        assertThat(again.path("options")).hasSize(card.path("options").size());
        assertThat(again.path("inWrongBook").asBoolean()).isTrue();
    }

    @Test
    void theAntiFraudCornerListsOnlyAntiFraudCourses() {
        List<String> titles = new ArrayList<>();
        ok(api.get("/api/v1/courses?topic=ANTI_FRAUD", elder)).forEach(c -> {
            assertThat(c.path("topic").asString()).isEqualTo("ANTI_FRAUD");
            titles.add(c.path("title").asString());
        });
        assertThat(titles).contains("识别和防范冒充客服、刷单、养老投资诈骗").doesNotContain(VIDEO_CALL);
    }

    @Test
    void aLessonIsFinishedOnlyWithAnswersToItsOwnPracticeAndNothingIsRecordedOtherwise() {
        long courseId = sampleCourse(VIDEO_CALL).path("id").asLong();
        long first = ok(api.get("/api/v1/courses/" + courseId, elder)).path("lessons").get(0).path("id").asLong();
        JsonNode lesson = ok(api.get("/api/v1/courses/lessons/" + first, elder));
        long q1 = lesson.path("practice").get(0).path("id").asLong();

        Response missing = api.post("/api/v1/courses/lessons/" + first + "/completion", elder, ApiClient.json(Map.of(
                "answers", List.of(Map.of("questionId", q1, "selected", List.of(0))))));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("code").asString()).isEqualTo("PRACTICE_INCOMPLETE");
        assertThat(missing.json().path("detail").asString()).contains("练习题");

        long foreign = jdbc.queryForObject("SELECT id FROM quiz_question WHERE pool = 'PRACTICE' AND id NOT IN "
                + "(SELECT question_id FROM course_practice WHERE lesson_id = ?) LIMIT 1", Long.class, first);
        Response stranger = api.post("/api/v1/courses/lessons/" + first + "/completion", elder, ApiClient.json(Map.of(
                "answers", List.of(Map.of("questionId", foreign, "selected", List.of(0))))));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().path("code").asString()).isEqualTo("COURSE_QUESTION_INVALID");
        Response strangerCheck = api.post("/api/v1/courses/lessons/" + first + "/practice/" + foreign, elder,
                "{\"selected\":[0]}");
        assertThat(strangerCheck.status()).isEqualTo(400);

        Response outOfRange = api.post("/api/v1/courses/lessons/" + first + "/practice/" + q1, elder, "{\"selected\":[7]}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(api.put("/api/v1/courses/lessons/" + first + "/progress", elder, "{\"step\":0}").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/courses/lessons/99999999", elder).status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_completion WHERE resident_id = ?", Long.class,
                residentId)).isZero();
    }

    /**
     * "Export my data" holds where the resident stopped, the lessons they finished and their certificate; deleting
     * the account erases all three, while the plan's ledger keeps its anonymous count of the finished lessons.
     */
    @Test
    void theResidentsExportHoldsTheirCoursesAndDeletingTheAccountErasesThem() {
        long courseId = sampleCourse(VIDEO_CALL).path("id").asLong();
        JsonNode course = ok(api.get("/api/v1/courses/" + courseId, elder));
        long first = course.path("lessons").get(0).path("id").asLong();
        long second = course.path("lessons").get(1).path("id").asLong();
        JsonNode lesson1 = ok(api.get("/api/v1/courses/lessons/" + first, elder));
        JsonNode lesson2 = ok(api.get("/api/v1/courses/lessons/" + second, elder));
        assertThat(api.put("/api/v1/courses/lessons/" + first + "/progress", elder, "{\"step\":2}").status())
                .isEqualTo(204);
        ok(api.post("/api/v1/courses/lessons/" + first + "/completion", elder, allAnswers(lesson1, 0)));
        String serial = ok(api.post("/api/v1/courses/lessons/" + second + "/completion", elder,
                allAnswers(lesson2, 1))).path("certificate").path("serialNo").asString();
        // started another course and stopped at its first step
        long antiFraud = sampleCourse(ANTI_FRAUD).path("id").asLong();
        long fraudLesson = ok(api.get("/api/v1/courses/" + antiFraud, elder)).path("lessons").get(0).path("id").asLong();
        assertThat(api.put("/api/v1/courses/lessons/" + fraudLesson + "/progress", elder, "{\"step\":1}").status())
                .isEqualTo(204);

        JsonNode section = ok(api.get("/api/v1/me/export", elder)).path("sections").path("courses");
        JsonNode stopped = null;
        for (JsonNode p : section.path("progress")) {
            if (p.path("lessonId").asLong() == first) {
                stopped = p;
            }
        }
        assertThat(stopped).as(section.toString()).isNotNull();
        assertThat(stopped.path("courseId").asLong()).isEqualTo(courseId);
        assertThat(stopped.path("courseTitle").asString()).isEqualTo(VIDEO_CALL);
        assertThat(stopped.path("lessonTitle").asString()).isEqualTo(lesson1.path("title").asString());
        assertThat(stopped.path("step").asInt()).isEqualTo(2);
        assertThat(stopped.path("updatedAt").asString()).isNotBlank();
        assertThat(section.path("progress").findValuesAsString("courseTitle")).contains(ANTI_FRAUD);
        assertThat(section.path("completions")).hasSize(2);
        JsonNode done = section.path("completions").get(0);
        assertThat(done.path("lessonId").asLong()).isEqualTo(first);
        assertThat(done.path("source").asString()).isEqualTo("APP");
        assertThat(done.path("correct").asInt()).isEqualTo(2);
        assertThat(done.path("completedAt").asString()).isNotBlank();
        assertThat(section.path("completions").get(1).path("correct").asInt()).isZero();
        assertThat(section.path("certificates")).hasSize(1);
        assertThat(section.path("certificates").get(0).path("serialNo").asString()).isEqualTo(serial);
        assertThat(section.path("certificates").get(0).path("courseTitle").asString()).isEqualTo(VIDEO_CALL);

        // a resident who never opened a course has an empty section, not a missing one
        JsonNode empty = ok(api.get("/api/v1/me/export", Logins.residentToken(api))).path("sections").path("courses");
        assertThat(empty.path("progress").isArray()).isTrue();
        assertThat(empty.path("progress")).isEmpty();
        assertThat(empty.path("completions")).isEmpty();
        assertThat(empty.path("certificates")).isEmpty();

        EventPublications.awaitCompleted(jdbc, ParticipationRecorded.class);
        assertThat(api.delete("/api/v1/me", elder).status()).isEqualTo(204);
        EventPublications.awaitCompleted(jdbc, ResidentDeleted.class);
        for (String table : List.of("course_progress", "course_completion", "course_certificate")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE resident_id = ?", Long.class,
                    residentId)).as(table).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM course_certificate WHERE serial_no = ?", Long.class,
                serial)).isZero();
        // the finished lessons still count toward the plan, under a deleted account's label
        assertThat(jdbc.queryForList("SELECT person_label FROM participation_record WHERE resident_id = ? "
                + "AND kind = 'COURSE_LESSON'", String.class, residentId)).containsExactly("已注销用户", "已注销用户");
    }

    private JsonNode sampleCourse(String title) {
        for (JsonNode c : ok(api.get("/api/v1/courses", elder))) {
            if (c.path("title").asString().equals(title)) {
                return c;
            }
        }
        throw new AssertionError("no course " + title);
    }

    /** Answers every practice question of the lesson with option {@code option}. */
    private static String allAnswers(JsonNode lesson, int option) {
        List<Map<String, Object>> answers = new ArrayList<>();
        lesson.path("practice").forEach(q -> answers.add(Map.of("questionId", q.path("id").asLong(),
                "selected", List.of(option))));
        return ApiClient.json(Map.of("answers", answers));
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
