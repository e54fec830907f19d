package cn.yunxi.kepu.course;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.course.CourseRepository.CourseRow;
import cn.yunxi.kepu.course.CourseRepository.LessonRow;
import cn.yunxi.kepu.course.CourseRepository.PracticeRow;
import cn.yunxi.kepu.course.CourseRepository.StepRow;
import cn.yunxi.kepu.course.CourseViews.AdminCourse;
import cn.yunxi.kepu.course.CourseViews.AdminCourseCard;
import cn.yunxi.kepu.course.CourseViews.AdminLesson;
import cn.yunxi.kepu.course.CourseViews.AdminStep;
import cn.yunxi.kepu.event.EventOrganisers;
import cn.yunxi.kepu.quiz.PracticeQuestions;
import cn.yunxi.kepu.staff.StaffRole;

/**
 * Staff write courses as drafts (the whole course saved at once from the editor), a second person publishes
 * them, and a published course goes back to draft to be changed. Lessons keep their ids across saves, so residents'
 * progress and finished lessons stay attached.
 */
@Service
class CourseAdminService {

    /** Sentence ends: a step says one or two things, no more. */
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?]+");

    private final CourseRepository courses;
    private final LearnerRepository learners;
    private final CourseImages images;
    private final PracticeQuestions questions;
    private final EventOrganisers events;
    private final Clock clock;

    CourseAdminService(CourseRepository courses, LearnerRepository learners, CourseImages images,
                       PracticeQuestions questions, EventOrganisers events, Clock clock) {
        this.courses = courses;
        this.learners = learners;
        this.images = images;
        this.questions = questions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    AdminCourse create(CurrentUser staff, CourseRequests.SaveCourse request) {
        check(request);
        LocalDateTime now = Times.now(clock);
        long id = courses.insertCourse(request.title().strip(), summary(request), request.topic().name(),
                CourseRepository.blankToNull(request.coverImage()), staff.unitId(), staff.id(), now);
        saveLessons(id, request.lessons() == null ? List.of() : request.lessons());
        return view(courses.course(id).orElseThrow());
    }

    @Transactional
    AdminCourse save(CurrentUser staff, long id, CourseRequests.SaveCourse request) {
        CourseRow c = ownLocked(staff, id);
        if (!"DRAFT".equals(c.status())) {
            throw new ApiException(CourseErrors.COURSE_STATE, "已发布的课程请先撤回为草稿再修改");
        }
        check(request);
        courses.updateCourse(id, request.title().strip(), summary(request), request.topic().name(),
                CourseRepository.blankToNull(request.coverImage()), Times.now(clock));
        saveLessons(id, request.lessons() == null ? List.of() : request.lessons());
        return view(courses.course(id).orElseThrow());
    }

    /** A second person checks the course and publishes it; it must be complete. */
    @Transactional
    AdminCourse publish(CurrentUser staff, long id) {
        CourseRow c = ownLocked(staff, id);
        if (c.authorId() != null && c.authorId() == staff.id()) {
            throw new ApiException(CourseErrors.COURSE_SELF_PUBLISH);
        }
        List<LessonRow> lessons = courses.lessons(id);
        Map<Long, Long> steps = courses.stepsOfCourse(id).stream()
                .collect(Collectors.groupingBy(StepRow::lessonId, Collectors.counting()));
        Map<Long, Long> practice = courses.practiceOfCourse(id).stream()
                .collect(Collectors.groupingBy(PracticeRow::lessonId, Collectors.counting()));
        if (lessons.isEmpty() || lessons.stream().anyMatch(l -> steps.getOrDefault(l.id(), 0L) == 0
                || practice.getOrDefault(l.id(), 0L) == 0)) {
            throw new ApiException(CourseErrors.COURSE_INCOMPLETE);
        }
        if (courses.publish(id, staff.id(), Times.now(clock)) != 1) {
            throw new ApiException(CourseErrors.COURSE_STATE);
        }
        return view(courses.course(id).orElseThrow());
    }

    @Transactional
    AdminCourse unpublish(CurrentUser staff, long id) {
        ownLocked(staff, id);
        if (courses.unpublish(id, Times.now(clock)) != 1) {
            throw new ApiException(CourseErrors.COURSE_STATE);
        }
        return view(courses.course(id).orElseThrow());
    }

    /**
     * An offline class teaches this lesson: attending it completes the lesson. Staff link their own unit's classes
     * only (the district any), since a link hands out completions and certificates for whoever attends.
     */
    @Transactional
    AdminCourse linkEvent(CurrentUser staff, long id, CourseRequests.EventLink link) {
        ownLocked(staff, id);
        LessonRow lesson = courses.lesson(link.lessonId()).filter(l -> l.courseId() == id)
                .orElseThrow(() -> new ApiException(CourseErrors.COURSE_LESSON_UNKNOWN));
        Long organiser = events.organiserUnit(link.eventId())
                .orElseThrow(() -> new ApiException(CourseErrors.EVENT_LINK_INVALID));
        if (!StaffRole.isDistrictAdmin(staff) && !organiser.equals(staff.unitId())) {
            throw new ApiException(CourseErrors.EVENT_LINK_FORBIDDEN);
        }
        try {
            learners.linkEvent(link.eventId(), lesson.id(), staff.id(), Times.now(clock));
        } catch (DataIntegrityViolationException e) {
            throw new ApiException(CourseErrors.EVENT_LINK_INVALID);
        }
        return view(courses.course(id).orElseThrow());
    }

    AdminCourse get(CurrentUser staff, long id) {
        return view(own(staff, courses.course(id), id));
    }

    PageResult<AdminCourseCard> list(CurrentUser staff, PageQuery page) {
        boolean all = StaffRole.isDistrictAdmin(staff);
        List<AdminCourseCard> items = courses.forStaff(staff.unitId(), all, page.sizeOrDefault(), page.offset()).stream()
                .map(c -> {
                    LearnerRepository.Reach reach = learners.reach(c.id());
                    return new AdminCourseCard(c.id(), c.title(), CourseTopic.valueOf(c.topic()), c.status(),
                            courses.lessons(c.id()).size(), c.sampleData(), c.authorId(), Times.toOffset(c.updatedAt()),
                            reach.learners(), reach.completions());
                })
                .toList();
        return PageResult.of(items, courses.countForStaff(staff.unitId(), all), page);
    }

    List<CourseViews.ArtView> art() {
        return CourseImages.artFiles().stream()
                .map(f -> new CourseViews.ArtView(CourseImages.ART_PREFIX + f, images.imageUrl(CourseImages.ART_PREFIX + f)))
                .toList();
    }

    // ---- saving ----

    private void check(CourseRequests.SaveCourse request) {
        images.checkImage(CourseRepository.blankToNull(request.coverImage()));
        for (CourseRequests.SaveLesson lesson : request.lessons() == null ? List.<CourseRequests.SaveLesson>of()
                : request.lessons()) {
            for (CourseRequests.SaveStep step : lesson.steps()) {
                if (SENTENCE_END.matcher(step.caption().strip()).results().count() > 2) {
                    throw new ApiException(CourseErrors.COURSE_CAPTION_TOO_LONG);
                }
                images.checkImage(step.image());
                images.checkNarration(step.narrationKey());
            }
            List<Long> ids = lesson.practiceQuestionIds() == null ? List.of() : lesson.practiceQuestionIds();
            if (new HashSet<>(ids).size() != ids.size() || ids.stream().anyMatch(q -> questions.find(q).isEmpty())) {
                throw new ApiException(CourseErrors.COURSE_QUESTION_INVALID);
            }
        }
    }

    private void saveLessons(long courseId, List<CourseRequests.SaveLesson> lessons) {
        Set<Long> existing = courses.lessons(courseId).stream().map(LessonRow::id).collect(Collectors.toSet());
        Set<Long> kept = new HashSet<>();
        for (CourseRequests.SaveLesson l : lessons) {
            if (l.id() != null && (!existing.contains(l.id()) || !kept.add(l.id()))) {
                throw new ApiException(CourseErrors.COURSE_LESSON_UNKNOWN);
            }
        }
        for (Long gone : existing) {
            if (!kept.contains(gone)) {
                if (courses.hasLearners(gone)) {
                    throw new ApiException(CourseErrors.COURSE_LESSON_HAS_LEARNERS);
                }
                courses.deleteLesson(gone);
            }
        }
        courses.parkLessons(courseId);
        int position = 1;
        for (CourseRequests.SaveLesson l : lessons) {
            long lessonId;
            if (l.id() == null) {
                lessonId = courses.insertLesson(courseId, position, l.title().strip());
            } else {
                lessonId = l.id();
                courses.updateLesson(lessonId, position, l.title().strip());
            }
            courses.replaceSteps(lessonId, l.steps());
            courses.replacePractice(lessonId, l.practiceQuestionIds() == null ? List.of() : l.practiceQuestionIds());
            position++;
        }
    }

    private static String summary(CourseRequests.SaveCourse request) {
        return request.summary() == null ? "" : request.summary().strip();
    }

    // ---- scope and views ----

    private CourseRow ownLocked(CurrentUser staff, long id) {
        return own(staff, courses.lockCourse(id), id);
    }

    /** The district admin manages every course; others only their unit's (another unit's is "not found"). */
    private CourseRow own(CurrentUser staff, java.util.Optional<CourseRow> row, long id) {
        CourseRow c = row.orElseThrow(() -> new ApiException(CourseErrors.COURSE_NOT_FOUND));
        if (!StaffRole.isDistrictAdmin(staff) && (c.unitId() == null || !c.unitId().equals(staff.unitId()))) {
            throw new ApiException(CourseErrors.COURSE_NOT_FOUND);
        }
        return c;
    }

    private AdminCourse view(CourseRow c) {
        Map<Long, List<StepRow>> steps = courses.stepsOfCourse(c.id()).stream()
                .collect(Collectors.groupingBy(StepRow::lessonId));
        Map<Long, List<Long>> practice = courses.practiceOfCourse(c.id()).stream().collect(
                Collectors.groupingBy(PracticeRow::lessonId, Collectors.mapping(PracticeRow::questionId, Collectors.toList())));
        Map<Long, List<Long>> links = learners.eventLinks(c.id()).stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        List<AdminLesson> lessons = courses.lessons(c.id()).stream().map(l -> new AdminLesson(l.id(), l.position(),
                l.title(), steps.getOrDefault(l.id(), List.of()).stream().map(s -> new AdminStep(s.position(), s.image(),
                        images.imageUrl(s.image()), s.caption(), s.narrationKey(), images.audioUrl(s.narrationKey())))
                .toList(), practice.getOrDefault(l.id(), List.of()), links.getOrDefault(l.id(), List.of()))).toList();
        return new AdminCourse(c.id(), c.title(), c.summary(), CourseTopic.valueOf(c.topic()), c.coverImage(),
                images.imageUrl(c.coverImage()), c.status(), c.unitId(), c.authorId(), c.publisherId(), c.sampleData(),
                Times.toOffset(c.publishedAt()), Times.toOffset(c.updatedAt()), lessons);
    }
}
