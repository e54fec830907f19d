package cn.yunxi.kepu.course;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.course.CourseRepository.CourseRow;
import cn.yunxi.kepu.course.CourseRepository.LessonRow;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;

/**
 * A finished lesson, wherever it was finished. In the app it counts for the plan (a COURSE_LESSON record serving the
 * 老年人 section); at an offline class that teaches it, the attendance already counted, so the lesson is only marked
 * done. Either way, the last lesson of a course brings the certificate. Each is recorded once (unique keys).
 */
@Component
class CourseCompletions {

    /** The plan section a course serves: 老年人科学素质提升行动 (智慧助老). */
    static final List<String> PLAN_SECTIONS = List.of("ELDERLY");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CourseRepository courses;
    private final LearnerRepository learners;
    private final ResidentService residents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseCompletions(CourseRepository courses, LearnerRepository learners, ResidentService residents,
                      ApplicationEventPublisher events, Clock clock) {
        this.courses = courses;
        this.learners = learners;
        this.residents = residents;
        this.events = events;
        this.clock = clock;
    }

    /** Called inside the caller's transaction; returns whether the course is now complete for the resident. */
    boolean completedInApp(long residentId, CourseRow course, LessonRow lesson, int correct) {
        LocalDateTime now = Times.now(clock);
        learners.complete(residentId, lesson.id(), course.id(), "APP", null, correct, now).ifPresent(id -> {
            ResidentSummary who = residents.find(residentId).orElse(null);
            events.publishEvent(ParticipationRecorded.builder(ParticipationKind.COURSE_LESSON, "course-lesson:" + id)
                    .resident(residentId, label(who, residentId))
                    .demographics(who == null ? null : who.regionCode(),
                            who == null || who.populationGroup() == null ? null : who.populationGroup().name())
                    .source("COURSE", course.id(), course.title() + " · " + lesson.title())
                    .occurredOn(now.toLocalDate())
                    .planSections(PLAN_SECTIONS)
                    .build());
        });
        return certifyWhenDone(residentId, course.id(), now);
    }

    private boolean certifyWhenDone(long residentId, long courseId, LocalDateTime now) {
        if (!learners.completedEveryLesson(residentId, courseId)) {
            return false;
        }
        // INSERT IGNORE also skips a serial that happens to be taken: try another until the certificate is there.
        for (int i = 0; i < 5 && learners.certificate(residentId, courseId).isEmpty(); i++) {
            learners.issueCertificate(residentId, courseId, serial(courseId), now);
        }
        return true;
    }

    /** Counted attendance of an offline class linked to a lesson completes that lesson for the resident. */
    @ApplicationModuleListener(condition = "#event.kind().name() == 'EVENT_ATTENDANCE'")
    void on(ParticipationRecorded event) {
        attended(event);
    }

    @ApplicationModuleListener(condition = "#event.includesAny('EVENT_ATTENDANCE')")
    void on(ParticipationsRecorded event) { // the condition names the parameter: it must be called event
        event.records().forEach(this::attended);
    }

    private void attended(ParticipationRecorded r) {
        if (r.kind() != ParticipationKind.EVENT_ATTENDANCE || r.withdrawn() || r.residentId() == null
                || !"EVENT".equals(r.sourceType())) {
            return;
        }
        learners.lessonTaughtBy(r.sourceId()).flatMap(courses::lesson).ifPresent(lesson -> {
            LocalDateTime now = Times.now(clock);
            learners.complete(r.residentId(), lesson.id(), lesson.courseId(), "EVENT", r.sourceId(), null, now);
            certifyWhenDone(r.residentId(), lesson.courseId(), now);
        });
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        learners.forget(event.residentId());
    }

    /** KC<course>-<8 hex>: not guessable; the unique key keeps two certificates from sharing one. */
    private static String serial(long courseId) {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "KC" + courseId + "-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String label(ResidentSummary who, long residentId) {
        if (who != null && who.phoneMasked() != null) {
            return who.phoneMasked();
        }
        return who == null || who.nickname() == null || who.nickname().isEmpty() ? "居民" + residentId
                : who.nickname().charAt(0) + "*";
    }
}
