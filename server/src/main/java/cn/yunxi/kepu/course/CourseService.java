package cn.yunxi.kepu.course;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.demodata.DemoDataProperties;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.course.CourseRepository.CourseRow;
import cn.yunxi.kepu.course.CourseRepository.LessonRow;
import cn.yunxi.kepu.course.CourseRepository.PracticeRow;
import cn.yunxi.kepu.course.CourseViews.CertificateView;
import cn.yunxi.kepu.course.CourseViews.CompletionView;
import cn.yunxi.kepu.course.CourseViews.CourseCard;
import cn.yunxi.kepu.course.CourseViews.CourseDetail;
import cn.yunxi.kepu.course.CourseViews.LessonCard;
import cn.yunxi.kepu.course.CourseViews.LessonView;
import cn.yunxi.kepu.course.CourseViews.StepView;
import cn.yunxi.kepu.quiz.PracticeQuestions;
import cn.yunxi.kepu.resident.ResidentService;

/** The residents' side: published courses, following a lesson, its practice, finishing it, the certificate. */
@Service
class CourseService {

    private final CourseRepository courses;
    private final LearnerRepository learners;
    private final CourseCompletions completions;
    private final CourseImages images;
    private final PracticeQuestions questions;
    private final ResidentService residents;
    private final DemoDataProperties demoData;
    private final Clock clock;

    CourseService(CourseRepository courses, LearnerRepository learners, CourseCompletions completions,
                  CourseImages images, PracticeQuestions questions, ResidentService residents,
                  DemoDataProperties demoData, Clock clock) {
        this.courses = courses;
        this.learners = learners;
        this.completions = completions;
        this.images = images;
        this.questions = questions;
        this.residents = residents;
        this.demoData = demoData;
        this.clock = clock;
    }

    List<CourseCard> list(long residentId, CourseTopic topic) {
        List<CourseRow> rows = courses.published(topic == null ? null : topic.name(), demoData.visible());
        Map<Long, Long> done = learners.completedLessons(residentId, rows.stream().map(CourseRow::id).toList()).stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
        Set<Long> certified = new HashSet<>(learners.certifiedCourses(residentId));
        return rows.stream().map(c -> {
            CourseTopic t = CourseTopic.valueOf(c.topic());
            return new CourseCard(c.id(), c.title(), c.summary(), t, t.label(), images.imageUrl(c.coverImage()),
                    courses.lessons(c.id()).size(), done.getOrDefault(c.id(), 0L).intValue(), certified.contains(c.id()),
                    c.sampleData());
        }).toList();
    }

    CourseDetail course(long residentId, long courseId) {
        CourseRow c = published(courseId);
        List<LessonRow> lessons = courses.lessons(courseId);
        Map<Long, Integer> progress = learners.progress(residentId, courseId);
        Set<Long> done = doneLessons(residentId, courseId);
        Map<Long, Integer> stepCounts = new HashMap<>();
        courses.stepsOfCourse(courseId).forEach(s -> stepCounts.merge(s.lessonId(), 1, Integer::sum));
        List<LessonCard> cards = lessons.stream().map(l -> new LessonCard(l.id(), l.position(), l.title(),
                stepCounts.getOrDefault(l.id(), 0), done.contains(l.id()), progress.get(l.id()))).toList();
        // Resume where they last were, unless that lesson is done: then the first lesson not done yet.
        Long resume = learners.lastLesson(residentId, courseId).filter(id -> !done.contains(id))
                .or(() -> lessons.stream().map(LessonRow::id).filter(id -> !done.contains(id)).findFirst())
                .orElse(null);
        CourseTopic t = CourseTopic.valueOf(c.topic());
        return new CourseDetail(c.id(), c.title(), c.summary(), t, t.label(), images.imageUrl(c.coverImage()), cards,
                done.size(), resume, certificate(residentId, c).orElse(null), c.sampleData());
    }

    LessonView lesson(long residentId, long lessonId) {
        LessonRow lesson = lessonOf(lessonId);
        CourseRow c = published(lesson.courseId());
        List<LessonRow> all = courses.lessons(c.id());
        List<StepView> steps = courses.steps(lessonId).stream().map(s -> new StepView(s.position(),
                images.imageUrl(s.image()), s.caption(), images.audioUrl(s.narrationKey()))).toList();
        int resume = Optional.ofNullable(learners.progress(residentId, c.id()).get(lessonId)).orElse(1);
        return new LessonView(lesson.id(), c.id(), c.title(), lesson.position(), all.size(), lesson.title(), steps,
                practice(lessonId), Math.min(resume, Math.max(steps.size(), 1)),
                doneLessons(residentId, c.id()).contains(lessonId), next(all, lesson));
    }

    /** Remembers the step shown, so the resident resumes there (a step past the end is the last step). */
    void progress(long residentId, long lessonId, int step) {
        LessonRow lesson = lessonOf(lessonId);
        published(lesson.courseId());
        int last = Math.max(courses.steps(lessonId).size(), 1);
        learners.saveProgress(residentId, lessonId, lesson.courseId(), Math.min(step, last), Times.now(clock));
    }

    /** Checks one practice answer of the lesson, for the immediate "right / wrong, because…". */
    PracticeQuestions.Checked check(long lessonId, long questionId, List<Integer> selected) {
        LessonRow lesson = lessonOf(lessonId);
        published(lesson.courseId());
        if (courses.practice(lessonId).stream().noneMatch(p -> p.questionId() == questionId)) {
            throw new ApiException(CourseErrors.COURSE_QUESTION_INVALID, "这道题不是本课的练习题");
        }
        return questions.check(questionId, selected);
    }

    /**
     * Finishes the lesson with the answers to all of its practice questions. Wrong answers do not stop it: the
     * practice is for learning, and the explanations come back with the result.
     */
    @Transactional
    CompletionView complete(long residentId, long lessonId, CourseRequests.Completion request) {
        LessonRow lesson = lessonOf(lessonId);
        CourseRow c = published(lesson.courseId());
        List<Long> asked = practice(lessonId).stream().map(PracticeQuestions.Shown::id).toList();
        Map<Long, List<Integer>> answers = new HashMap<>();
        for (CourseRequests.PracticeAnswer a : request.answers()) {
            if (!asked.contains(a.questionId()) || answers.put(a.questionId(), a.selected()) != null) {
                throw new ApiException(CourseErrors.COURSE_QUESTION_INVALID, "答案中有不属于本课或重复的题目");
            }
        }
        if (!answers.keySet().containsAll(asked)) {
            throw new ApiException(CourseErrors.PRACTICE_INCOMPLETE);
        }
        List<PracticeQuestions.Checked> results = new ArrayList<>();
        for (Long q : asked) {
            results.add(questions.check(q, answers.get(q)));
        }
        int correct = (int) results.stream().filter(PracticeQuestions.Checked::correct).count();
        boolean courseDone = completions.completedInApp(residentId, c, lesson, correct);
        return new CompletionView(lessonId, correct, results.size(), results, courseDone,
                courseDone ? certificate(residentId, c).orElse(null) : null, next(courses.lessons(c.id()), lesson));
    }

    CertificateView certificate(long residentId, long courseId) {
        return certificate(residentId, published(courseId))
                .orElseThrow(() -> new ApiException(CourseErrors.CERTIFICATE_NOT_FOUND));
    }

    private Optional<CertificateView> certificate(long residentId, CourseRow c) {
        return learners.certificate(residentId, c.id()).map(cert -> new CertificateView(cert.serialNo(), c.id(),
                c.title(), residents.find(residentId).map(r -> r.nickname() == null || r.nickname().isBlank() ? "学员"
                        : r.nickname()).orElse("学员"), courses.lessons(c.id()).size(), Times.toOffset(cert.issuedAt())));
    }

    /** The lesson's practice questions that are still practice questions of the bank (an archived one drops out). */
    private List<PracticeQuestions.Shown> practice(long lessonId) {
        return courses.practice(lessonId).stream().map(PracticeRow::questionId).map(questions::find)
                .flatMap(Optional::stream).toList();
    }

    private Set<Long> doneLessons(long residentId, long courseId) {
        return learners.completedLessons(residentId, List.of(courseId)).stream().map(Map.Entry::getValue)
                .collect(Collectors.toSet());
    }

    private static Long next(List<LessonRow> all, LessonRow lesson) {
        return all.stream().filter(l -> l.position() > lesson.position()).map(LessonRow::id).findFirst().orElse(null);
    }

    private LessonRow lessonOf(long lessonId) {
        return courses.lesson(lessonId).orElseThrow(() -> new ApiException(CourseErrors.LESSON_NOT_FOUND));
    }

    /** A published course the resident may see; anything else is "not found", whatever the reason. */
    private CourseRow published(long courseId) {
        return courses.course(courseId)
                .filter(c -> "PUBLISHED".equals(c.status()) && (!c.sampleData() || demoData.visible()))
                .orElseThrow(() -> new ApiException(CourseErrors.COURSE_NOT_FOUND));
    }
}
