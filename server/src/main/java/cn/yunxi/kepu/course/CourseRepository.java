package cn.yunxi.kepu.course;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Courses, lessons, steps and practice as SQL. */
@Repository
class CourseRepository {

    record CourseRow(long id, String title, String summary, String topic, String coverImage, String status, Long unitId,
                     Long authorId, Long publisherId, boolean sampleData, LocalDateTime publishedAt,
                     LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    record LessonRow(long id, long courseId, int position, String title) {
    }

    record StepRow(long id, long lessonId, int position, String image, String caption, String narrationKey) {
    }

    record PracticeRow(long lessonId, int position, long questionId) {
    }

    private static final String COURSE = "SELECT id, title, summary, topic, cover_image, status, unit_id, author_id, "
            + "publisher_id, sample_data, published_at, created_at, updated_at FROM course ";

    private final JdbcClient jdbc;

    CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CourseRow> course(long id) {
        return jdbc.sql(COURSE + "WHERE id = ?").param(id).query(CourseRow.class).optional();
    }

    /** Locks the course row: saves and publication of one course happen one after the other. */
    Optional<CourseRow> lockCourse(long id) {
        return jdbc.sql(COURSE + "WHERE id = ? FOR UPDATE").param(id).query(CourseRow.class).optional();
    }

    /** Published courses residents may see, newest first; sample courses only while sample material is shown. */
    List<CourseRow> published(String topic, boolean samplesShown) {
        return jdbc.sql(COURSE + "WHERE status = 'PUBLISHED' AND (? IS NULL OR topic = ?) AND (sample_data = FALSE OR ?) "
                        + "ORDER BY published_at DESC, id DESC")
                .params(topic, topic, samplesShown).query(CourseRow.class).list();
    }

    /** Every course for the district admin ({@code unitId} null), else the unit's own. */
    List<CourseRow> forStaff(Long unitId, boolean everything, long limit, long offset) {
        return jdbc.sql(COURSE + "WHERE (? OR unit_id = ?) AND status <> 'ARCHIVED' ORDER BY updated_at DESC, id DESC "
                        + "LIMIT ? OFFSET ?")
                .params(everything, unitId, limit, offset).query(CourseRow.class).list();
    }

    long countForStaff(Long unitId, boolean everything) {
        return jdbc.sql("SELECT COUNT(*) FROM course WHERE (? OR unit_id = ?) AND status <> 'ARCHIVED'")
                .params(everything, unitId).query(Long.class).single();
    }

    long insertCourse(String title, String summary, String topic, String coverImage, Long unitId, long authorId,
                      LocalDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO course (title, summary, topic, cover_image, status, unit_id, author_id, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)")
                .params(title, summary, topic, coverImage, unitId, authorId, now, now).update(keys);
        return keys.getKey().longValue();
    }

    void updateCourse(long id, String title, String summary, String topic, String coverImage, LocalDateTime now) {
        jdbc.sql("UPDATE course SET title = ?, summary = ?, topic = ?, cover_image = ?, updated_at = ? WHERE id = ?")
                .params(title, summary, topic, coverImage, now, id).update();
    }

    /** DRAFT → PUBLISHED by someone other than the author (the CHECK constraint says so too). */
    int publish(long id, long publisherId, LocalDateTime now) {
        return jdbc.sql("UPDATE course SET status = 'PUBLISHED', publisher_id = ?, published_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'DRAFT'")
                .params(publisherId, now, now, id).update();
    }

    /** PUBLISHED → DRAFT, to change it: it needs a second person's look again before it returns. */
    int unpublish(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE course SET status = 'DRAFT', publisher_id = NULL, updated_at = ? "
                        + "WHERE id = ? AND status = 'PUBLISHED'")
                .params(now, id).update();
    }

    List<LessonRow> lessons(long courseId) {
        return jdbc.sql("SELECT id, course_id, position, title FROM course_lesson WHERE course_id = ? ORDER BY position")
                .param(courseId).query(LessonRow.class).list();
    }

    Optional<LessonRow> lesson(long lessonId) {
        return jdbc.sql("SELECT id, course_id, position, title FROM course_lesson WHERE id = ?")
                .param(lessonId).query(LessonRow.class).optional();
    }

    /** Moves the course's lessons out of the way (negative positions) so a reorder never hits the unique key. */
    void parkLessons(long courseId) {
        jdbc.sql("UPDATE course_lesson SET position = -position - 1000 WHERE course_id = ?").param(courseId).update();
    }

    void updateLesson(long lessonId, int position, String title) {
        jdbc.sql("UPDATE course_lesson SET position = ?, title = ? WHERE id = ?").params(position, title, lessonId).update();
    }

    long insertLesson(long courseId, int position, String title) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO course_lesson (course_id, position, title) VALUES (?, ?, ?)")
                .params(courseId, position, title).update(keys);
        return keys.getKey().longValue();
    }

    boolean hasLearners(long lessonId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM course_completion WHERE lesson_id = ?)").param(lessonId)
                .query(Boolean.class).single();
    }

    void deleteLesson(long lessonId) {
        jdbc.sql("DELETE FROM course_progress WHERE lesson_id = ?").param(lessonId).update();
        jdbc.sql("DELETE FROM course_lesson WHERE id = ?").param(lessonId).update();
    }

    List<StepRow> steps(long lessonId) {
        return jdbc.sql("SELECT id, lesson_id, position, image, caption, narration_key FROM course_step "
                + "WHERE lesson_id = ? ORDER BY position").param(lessonId).query(StepRow.class).list();
    }

    List<StepRow> stepsOfCourse(long courseId) {
        return jdbc.sql("SELECT s.id, s.lesson_id, s.position, s.image, s.caption, s.narration_key FROM course_step s "
                        + "JOIN course_lesson l ON l.id = s.lesson_id WHERE l.course_id = ? ORDER BY s.lesson_id, s.position")
                .param(courseId).query(StepRow.class).list();
    }

    void replaceSteps(long lessonId, List<CourseRequests.SaveStep> steps) {
        jdbc.sql("DELETE FROM course_step WHERE lesson_id = ?").param(lessonId).update();
        int position = 1;
        for (CourseRequests.SaveStep s : steps) {
            jdbc.sql("INSERT INTO course_step (lesson_id, position, image, caption, narration_key) VALUES (?, ?, ?, ?, ?)")
                    .params(lessonId, position++, s.image().strip(), s.caption().strip(), blankToNull(s.narrationKey()))
                    .update();
        }
    }

    List<PracticeRow> practice(long lessonId) {
        return jdbc.sql("SELECT lesson_id, position, question_id FROM course_practice WHERE lesson_id = ? ORDER BY position")
                .param(lessonId).query(PracticeRow.class).list();
    }

    List<PracticeRow> practiceOfCourse(long courseId) {
        return jdbc.sql("SELECT p.lesson_id, p.position, p.question_id FROM course_practice p "
                        + "JOIN course_lesson l ON l.id = p.lesson_id WHERE l.course_id = ? ORDER BY p.lesson_id, p.position")
                .param(courseId).query(PracticeRow.class).list();
    }

    void replacePractice(long lessonId, List<Long> questionIds) {
        jdbc.sql("DELETE FROM course_practice WHERE lesson_id = ?").param(lessonId).update();
        int position = 1;
        for (Long q : questionIds) {
            jdbc.sql("INSERT INTO course_practice (lesson_id, position, question_id) VALUES (?, ?, ?)")
                    .params(lessonId, position++, q).update();
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
