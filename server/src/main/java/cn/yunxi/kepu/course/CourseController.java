package cn.yunxi.kepu.course;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.quiz.PracticeQuestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "课程")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @GetMapping
    @Operation(summary = "已发布的课程（topic=ANTI_FRAUD 为防诈骗课程），带我的学习进度")
    List<CourseViews.CourseCard> list(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(required = false) CourseTopic topic) {
        return courses.list(user.id(), topic);
    }

    @GetMapping("/{id}")
    @Operation(summary = "课程详情：各课、已学完的课、从哪一课继续、结业证书")
    CourseViews.CourseDetail course(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return courses.course(user.id(), id);
    }

    @GetMapping("/{id}/certificate")
    @Operation(summary = "结业证书（学完全部课后才有）")
    CourseViews.CertificateView certificate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return courses.certificate(user.id(), id);
    }

    @GetMapping("/lessons/{lessonId}")
    @Operation(summary = "一课的全部步骤、练习题（不含答案）和上次看到的步骤")
    CourseViews.LessonView lesson(@AuthenticationPrincipal CurrentUser user, @PathVariable long lessonId) {
        return courses.lesson(user.id(), lessonId);
    }

    @PutMapping("/lessons/{lessonId}/progress")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "记下看到第几步，下次从这里继续")
    void progress(@AuthenticationPrincipal CurrentUser user, @PathVariable long lessonId,
                  @Valid @RequestBody CourseRequests.Progress request) {
        courses.progress(user.id(), lessonId, request.step());
    }

    @PostMapping("/lessons/{lessonId}/practice/{questionId}")
    @Operation(summary = "本课练习：提交一道题，立即返回对错和解析")
    PracticeQuestions.Checked check(@PathVariable long lessonId, @PathVariable long questionId,
                                    @Valid @RequestBody CourseRequests.Answer request) {
        return courses.check(lessonId, questionId, request.selected());
    }

    @PostMapping("/lessons/{lessonId}/completion")
    @Operation(summary = "学完这一课：提交全部练习题的答案；学完最后一课即颁发结业证书")
    CourseViews.CompletionView complete(@AuthenticationPrincipal CurrentUser user, @PathVariable long lessonId,
                                        @Valid @RequestBody CourseRequests.Completion request) {
        return courses.complete(user.id(), lessonId, request);
    }
}
