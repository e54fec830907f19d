package cn.yunxi.kepu.course;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/admin/v1/courses")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
@Tag(name = "课程管理")
class CourseAdminController {

    private final CourseAdminService courses;

    CourseAdminController(CourseAdminService courses) {
        this.courses = courses;
    }

    @GetMapping
    @Operation(summary = "课程列表（区级管理员看全部，其他账号看本单位）")
    PageResult<CourseViews.AdminCourseCard> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return courses.list(user, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建课程（草稿），可一并带上各课、步骤和练习题")
    CourseViews.AdminCourse create(@AuthenticationPrincipal CurrentUser user,
                                   @Valid @RequestBody CourseRequests.SaveCourse request) {
        return courses.create(user, request);
    }

    @GetMapping("/art")
    @Operation(summary = "可选用的内置插图")
    List<CourseViews.ArtView> art() {
        return courses.art();
    }

    @GetMapping("/{id}")
    @Operation(summary = "课程全部内容（编辑器用）")
    CourseViews.AdminCourse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return courses.get(user, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "保存整门课程（仅草稿）：带 id 的课保留原有学习记录，不带 id 的为新课，未列出的课删除")
    CourseViews.AdminCourse save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @Valid @RequestBody CourseRequests.SaveCourse request) {
        return courses.save(user, id, request);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "检查并发布课程（须由编写人以外的管理员发布）")
    CourseViews.AdminCourse publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return courses.publish(user, id);
    }

    @PostMapping("/{id}/unpublish")
    @Operation(summary = "撤回为草稿（修改后须再由他人发布）")
    CourseViews.AdminCourse unpublish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return courses.unpublish(user, id);
    }

    @PostMapping("/{id}/event-links")
    @Operation(summary = "把线下智慧助老课堂（活动）关联到某一课：签到计入学时的参加者即学完这一课")
    CourseViews.AdminCourse linkEvent(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @Valid @RequestBody CourseRequests.EventLink request) {
        return courses.linkEvent(user, id, request);
    }
}
