package cn.yunxi.kepu.course;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A resident's progress, finished lessons and certificates. */
@Repository
class LearnerRepository {

    record CertificateRow(long id, long residentId, long courseId, String serialNo, LocalDateTime issuedAt) {
    }

    private final JdbcClient jdbc;

    LearnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveProgress(long residentId, long lessonId, long courseId, int step, LocalDateTime now) {
        jdbc.sql("INSERT INTO course_progress (resident_id, lesson_id, course_id, step, updated_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE step = VALUES(step), updated_at = VALUES(updated_at)")
                .params(residentId, lessonId, courseId, step, now).update();
    }

    /** lesson id → step last shown, for the resident's lessons of a course. */
    Map<Long, Integer> progress(long residentId, long courseId) {
        return jdbc.sql("SELECT lesson_id, step FROM course_progress WHERE resident_id = ? AND course_id = ?")
                .params(residentId, courseId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record Reach(int learners, int completions) {
    }

    /** How many residents started the course (a step seen or a lesson done) and how many finished all of it. */
    Reach reach(long courseId) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM (SELECT resident_id FROM course_progress WHERE course_id = ? "
                        + "UNION SELECT resident_id FROM course_completion WHERE course_id = ?) started), "
                        + "(SELECT COUNT(*) FROM course_certificate WHERE course_id = ?)")
                .params(courseId, courseId, courseId)
                .query((rs, i) -> new Reach(rs.getInt(1), rs.getInt(2))).single();
    }

    /** The lesson the resident looked at last in this course, if any. */
    Optional<Long> lastLesson(long residentId, long courseId) {
        return jdbc.sql("SELECT lesson_id FROM course_progress WHERE resident_id = ? AND course_id = ? "
                        + "ORDER BY updated_at DESC, lesson_id DESC LIMIT 1")
                .params(residentId, courseId).query(Long.class).optional();
    }

    /** Lessons the resident has finished, of the given courses. */
    List<Map.Entry<Long, Long>> completedLessons(long residentId, Collection<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT course_id, lesson_id FROM course_completion WHERE resident_id = :r AND course_id IN (:c)")
                .param("r", residentId).param("c", courseIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
    }

    /** Records a finished lesson once; returns its id when this call recorded it, empty when it was done before. */
    Optional<Long> complete(long residentId, long lessonId, long courseId, String source, Long eventId, Integer correct,
                            LocalDateTime now) {
        int inserted = jdbc.sql("INSERT IGNORE INTO course_completion (resident_id, lesson_id, course_id, source, event_id, "
                        + "correct, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(residentId, lessonId, courseId, source, eventId, correct, now).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM course_completion WHERE resident_id = ? AND lesson_id = ?")
                .params(residentId, lessonId).query(Long.class).optional();
    }

    boolean completedEveryLesson(long residentId, long courseId) {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM course_lesson l WHERE l.course_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM course_completion c WHERE c.lesson_id = l.id AND c.resident_id = ?)) "
                        + "AND EXISTS (SELECT 1 FROM course_lesson WHERE course_id = ?)")
                .params(courseId, residentId, courseId).query(Boolean.class).single();
    }

    /** Issues the certificate once (unique per resident and course); a second call changes nothing. */
    void issueCertificate(long residentId, long courseId, String serialNo, LocalDateTime now) {
        jdbc.sql("INSERT IGNORE INTO course_certificate (resident_id, course_id, serial_no, issued_at) VALUES (?, ?, ?, ?)")
                .params(residentId, courseId, serialNo, now).update();
    }

    Optional<CertificateRow> certificate(long residentId, long courseId) {
        return jdbc.sql("SELECT id, resident_id, course_id, serial_no, issued_at FROM course_certificate "
                        + "WHERE resident_id = ? AND course_id = ?")
                .params(residentId, courseId).query(CertificateRow.class).optional();
    }

    List<Long> certifiedCourses(long residentId) {
        return jdbc.sql("SELECT course_id FROM course_certificate WHERE resident_id = ?").param(residentId)
                .query(Long.class).list();
    }

    /** The lesson an offline class teaches, if it is linked to one. */
    Optional<Long> lessonTaughtBy(long eventId) {
        return jdbc.sql("SELECT lesson_id FROM course_event_lesson WHERE event_id = ?").param(eventId)
                .query(Long.class).optional();
    }

    void linkEvent(long eventId, long lessonId, long staffId, LocalDateTime now) {
        jdbc.sql("INSERT INTO course_event_lesson (event_id, lesson_id, linked_by, linked_at) VALUES (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE lesson_id = VALUES(lesson_id), linked_by = VALUES(linked_by), "
                        + "linked_at = VALUES(linked_at)")
                .params(eventId, lessonId, staffId, now).update();
    }

    List<Map.Entry<Long, Long>> eventLinks(long courseId) {
        return jdbc.sql("SELECT e.event_id, e.lesson_id FROM course_event_lesson e JOIN course_lesson l ON l.id = e.lesson_id "
                        + "WHERE l.course_id = ? ORDER BY e.event_id")
                .param(courseId).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
    }

    record ProgressRow(long courseId, String courseTitle, long lessonId, String lessonTitle, int step,
                       LocalDateTime updatedAt) {
    }

    record CompletionRow(long courseId, String courseTitle, long lessonId, String lessonTitle, String source,
                         Long eventId, Integer correct, LocalDateTime completedAt) {
    }

    record HeldCertificateRow(long courseId, String courseTitle, String serialNo, LocalDateTime issuedAt) {
    }

    /** Everything below is for the resident's data export: all their rows, whatever the course's state. */
    List<ProgressRow> progressOf(long residentId) {
        return jdbc.sql("SELECT p.course_id, c.title AS course_title, p.lesson_id, l.title AS lesson_title, p.step, "
                        + "p.updated_at FROM course_progress p JOIN course c ON c.id = p.course_id "
                        + "JOIN course_lesson l ON l.id = p.lesson_id WHERE p.resident_id = ? ORDER BY p.course_id, l.position")
                .param(residentId).query(ProgressRow.class).list();
    }

    List<CompletionRow> completionsOf(long residentId) {
        return jdbc.sql("SELECT p.course_id, c.title AS course_title, p.lesson_id, l.title AS lesson_title, p.source, "
                        + "p.event_id, p.correct, p.completed_at FROM course_completion p JOIN course c ON c.id = p.course_id "
                        + "JOIN course_lesson l ON l.id = p.lesson_id WHERE p.resident_id = ? ORDER BY p.course_id, l.position")
                .param(residentId).query(CompletionRow.class).list();
    }

    List<HeldCertificateRow> certificatesOf(long residentId) {
        return jdbc.sql("SELECT t.course_id, c.title AS course_title, t.serial_no, t.issued_at FROM course_certificate t "
                        + "JOIN course c ON c.id = t.course_id WHERE t.resident_id = ? ORDER BY t.id")
                .param(residentId).query(HeldCertificateRow.class).list();
    }

    /** A deleted account leaves no trace here; the plan's ledger keeps its anonymous counts. */
    void forget(long residentId) {
        jdbc.sql("DELETE FROM course_progress WHERE resident_id = ?").param(residentId).update();
        jdbc.sql("DELETE FROM course_completion WHERE resident_id = ?").param(residentId).update();
        jdbc.sql("DELETE FROM course_certificate WHERE resident_id = ?").param(residentId).update();
    }
}
