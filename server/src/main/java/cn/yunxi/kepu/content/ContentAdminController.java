package cn.yunxi.kepu.content;

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
@RequestMapping("/api/admin/v1")
@PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')")
@Tag(name = "科普内容管理")
class ContentAdminController {

    private final ContentAdminService contents;
    private final CommentService comments;

    ContentAdminController(ContentAdminService contents, CommentService comments) {
        this.contents = contents;
        this.comments = comments;
    }

    @PostMapping("/contents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建草稿（正文按白名单清洗）")
    ContentAdminView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ContentRequests.Save request) {
        return contents.create(user, request);
    }

    @GetMapping("/contents")
    @Operation(summary = "内容列表：按状态、类型、主题、人群、纲要条目、关键词（标题或摘要）筛选；单位账号只见本单位")
    PageResult<ContentAdminView> list(@AuthenticationPrincipal CurrentUser user,
                                      @Valid ContentRequests.ListQuery query, @Valid PageQuery page) {
        return contents.list(user, query, page);
    }

    @GetMapping("/content-topics")
    @Operation(summary = "内容主题（编辑和筛选用）")
    List<ContentMapper.Named> topics() {
        return contents.topics();
    }

    @GetMapping("/contents/{id}")
    ContentAdminView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contents.get(user, id);
    }

    @PutMapping("/contents/{id}")
    @Operation(summary = "修改。草稿、被驳回的直接修改；已发布的内容生成一个待审修改（revision），须另一位审核人通过后才替换线上版本，"
            + "期间线上仍是已审核的版本。应急置顶只能由区级管理员设置（已发布内容用 /emergency）")
    ContentAdminView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @Valid @RequestBody ContentRequests.Save request) {
        return contents.update(user, id, request);
    }

    @PostMapping("/contents/{id}/revision/approve")
    @Operation(summary = "通过已发布内容的待审修改（审核人不能是修改人），立即替换线上版本")
    ContentAdminView approveRevision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contents.approveRevision(user, id);
    }

    @PostMapping("/contents/{id}/revision/reject")
    @Operation(summary = "驳回已发布内容的待审修改（须填理由），线上版本不变")
    ContentAdminView rejectRevision(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @Valid @RequestBody ContentRequests.Reject request) {
        return contents.rejectRevision(user, id, request.reason());
    }

    @PostMapping("/contents/{id}/emergency")
    @Operation(summary = "应急置顶或取消（仅区级管理员；置顶必须有晚于现在的结束时间，再次设置即延长）")
    ContentAdminView emergency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                               @Valid @RequestBody ContentRequests.Emergency request) {
        return contents.setEmergency(user, id, request.emergency(), request.until());
    }

    @PostMapping("/contents/{id}/submit")
    ContentAdminView submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contents.submit(user, id);
    }

    @PostMapping("/contents/{id}/approve")
    @Operation(summary = "审核通过（审核人不能是作者）")
    ContentAdminView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return contents.approve(user, id);
    }

    @PostMapping("/contents/{id}/reject")
    ContentAdminView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @Valid @RequestBody ContentRequests.Reject request) {
        return contents.reject(user, id, request.reason());
    }

    @PostMapping("/contents/{id}/publish")
    @Operation(summary = "立即发布，或指定 at 定时发布")
    ContentAdminView publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @Valid @RequestBody(required = false) ContentRequests.Publish request) {
        return contents.publish(user, id, request == null ? null : request.at());
    }

    @PostMapping("/contents/{id}/archive")
    ContentAdminView archive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @Valid @RequestBody(required = false) ContentRequests.Reject request) {
        return contents.archive(user, id, request == null ? null : request.reason());
    }

    @GetMapping("/contents/plan-sections")
    @Operation(summary = "各纲要条目（提升行动/重点工程）的已发布内容数")
    List<ContentAdminService.SectionCount> perSection() {
        return contents.perSection();
    }

    @GetMapping("/comments")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "待人工审核的评论")
    PageResult<CommentService.QueuedComment> queue(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return comments.queue(user, page);
    }

    @PostMapping("/comments/{id}/review")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    CommentService.CommentView review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @Valid @RequestBody ContentRequests.Review request) {
        return comments.review(user, id, request.approve(), request.reason());
    }
}
