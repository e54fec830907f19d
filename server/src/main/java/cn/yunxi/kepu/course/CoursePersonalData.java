package cn.yunxi.kepu.course;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.time.Times;

/**
 * The resident's courses in "export my data": where they stopped in each lesson, the lessons they finished (in the
 * mini-program, or by attending an offline class that teaches the lesson) and their course certificates. Titles are
 * included so the export reads on its own. Account deletion erases all three ({@link CourseCompletions} listens for
 * it); the plan's ledger keeps its anonymous counts of finished lessons.
 */
@Component
class CoursePersonalData implements PersonalDataSection {

    private final LearnerRepository learners;

    CoursePersonalData(LearnerRepository learners) {
        this.learners = learners;
    }

    @Override
    public String name() {
        return "courses";
    }

    @Override
    public Object export(long residentId) {
        return new Export(
                learners.progressOf(residentId).stream().map(p -> new Progress(p.courseId(), p.courseTitle(),
                        p.lessonId(), p.lessonTitle(), p.step(), Times.toOffset(p.updatedAt()))).toList(),
                learners.completionsOf(residentId).stream().map(c -> new Completion(c.courseId(), c.courseTitle(),
                        c.lessonId(), c.lessonTitle(), c.source(), c.eventId(), c.correct(),
                        Times.toOffset(c.completedAt()))).toList(),
                learners.certificatesOf(residentId).stream().map(c -> new Certificate(c.courseId(), c.courseTitle(),
                        c.serialNo(), Times.toOffset(c.issuedAt()))).toList());
    }

    /** {@code progress}: the step last shown per lesson; {@code completions}: lessons finished; certificates. */
    record Export(List<Progress> progress, List<Completion> completions, List<Certificate> certificates) {
    }

    record Progress(long courseId, String courseTitle, long lessonId, String lessonTitle, int step,
                    OffsetDateTime updatedAt) {
    }

    /**
     * @param source  APP (finished in the mini-program) or EVENT (attended an offline class teaching it)
     * @param eventId the offline class, for EVENT
     * @param correct practice questions answered right, for APP
     */
    record Completion(long courseId, String courseTitle, long lessonId, String lessonTitle, String source,
                      @Nullable Long eventId, @Nullable Integer correct, OffsetDateTime completedAt) {
    }

    record Certificate(long courseId, String courseTitle, String serialNo, OffsetDateTime issuedAt) {
    }
}
