package cn.yunxi.kepu.course;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.yunxi.kepu.quiz.PracticeQuestions;

/** What the course endpoints answer. */
final class CourseViews {

    private CourseViews() {
    }

    /** A course in the residents' list, with how far this resident has come. */
    record CourseCard(long id, String title, @Nullable String summary, CourseTopic topic, String topicLabel,
                      @Nullable String coverUrl, int lessonCount, int lessonsDone, boolean certified,
                      boolean sampleData) {
    }

    record LessonCard(long id, int position, String title, int stepCount, boolean done, Integer resumeStep) {
    }

    /** A course for a resident: its lessons in order, which are done, where to resume, the certificate once earned. */
    record CourseDetail(long id, String title, @Nullable String summary, CourseTopic topic, String topicLabel,
                        @Nullable String coverUrl, List<LessonCard> lessons, int lessonsDone, Long resumeLessonId,
                        @Nullable CertificateView certificate, boolean sampleData) {
    }

    record StepView(int position, @Nullable String imageUrl, @Nullable String caption, @Nullable String narrationUrl) {
    }

    /** A lesson to follow: its steps, its practice (without answers), where the resident stopped. */
    record LessonView(long id, long courseId, String courseTitle, int position, int lessonCount, String title,
                      List<StepView> steps, List<PracticeQuestions.Shown> practice, int resumeStep, boolean done,
                      Long nextLessonId) {
    }

    record CompletionView(long lessonId, int correct, int total, List<PracticeQuestions.Checked> results,
                          boolean courseCompleted, @Nullable CertificateView certificate, Long nextLessonId) {
    }

    @Schema(name = "CourseCertificate")
    record CertificateView(String serialNo, long courseId, String courseTitle, String holder, int lessonCount,
                           OffsetDateTime issuedAt) {
    }

    // ---- staff ----

    record AdminStep(int position, @Nullable String image, @Nullable String imageUrl, @Nullable String caption,
                     @Nullable String narrationKey, @Nullable String narrationUrl) {
    }

    record AdminLesson(long id, int position, String title, List<AdminStep> steps, List<Long> practiceQuestionIds,
                       List<Long> linkedEventIds) {
    }

    record AdminCourse(long id, String title, @Nullable String summary, CourseTopic topic, @Nullable String coverImage,
                       @Nullable String coverUrl, String status, Long unitId, Long authorId, Long publisherId,
                       boolean sampleData, @Nullable OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                       List<AdminLesson> lessons) {
    }

    /** A course in the staff list; learners started it, completions finished every lesson (certificates). */
    record AdminCourseCard(long id, String title, CourseTopic topic, String status, int lessonCount, boolean sampleData,
                           Long authorId, OffsetDateTime updatedAt, int learners, int completions) {
    }

    /** A drawing shipped with the server that a step may use. */
    record ArtView(String image, String url) {
    }
}
