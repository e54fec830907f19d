package cn.yunxi.kepu.volunteer;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.volunteer.VolunteerRecords.Certificate;
import cn.yunxi.kepu.volunteer.VolunteerRecords.RegisterRequest;
import cn.yunxi.kepu.volunteer.VolunteerRecords.ReviewRequest;
import cn.yunxi.kepu.volunteer.VolunteerRecords.ServiceView;
import cn.yunxi.kepu.volunteer.VolunteerRecords.VolunteerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "科技志愿者")
class VolunteerController {

    private static final String REVIEWERS = "hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')";

    private final VolunteerService registry;

    VolunteerController(VolunteerService registry) {
        this.registry = registry;
    }

    @PostMapping("/api/v1/volunteers/me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请成为科技志愿者（专长、所在村社区、可服务时间），待审核；被驳回后可再次申请")
    VolunteerView register(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody RegisterRequest request) {
        return registry.register(user.id(), request);
    }

    @GetMapping("/api/v1/volunteers/me")
    VolunteerView mine(@AuthenticationPrincipal CurrentUser user) {
        return registry.mine(user.id());
    }

    @GetMapping("/api/v1/volunteers/me/services")
    @Operation(summary = "我的志愿服务记录（按志愿服务类活动的签到学时计）")
    PageResult<ServiceView> myServices(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return registry.myServices(user.id(), page);
    }

    @GetMapping("/api/v1/volunteers/me/certificate")
    @Operation(summary = "志愿服务证明（累计时长、次数）")
    Certificate certificate(@AuthenticationPrincipal CurrentUser user) {
        return registry.certificate(user.id());
    }

    @GetMapping("/api/admin/v1/volunteers")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "志愿者列表（镇街管理员只看本镇街）")
    PageResult<VolunteerView> list(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) String status, @Valid PageQuery page) {
        return registry.list(user, status, page);
    }

    @PostMapping("/api/admin/v1/volunteers/{id}/approve")
    @PreAuthorize(REVIEWERS)
    VolunteerView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @Valid @RequestBody(required = false) ReviewRequest request) {
        return registry.review(user, id, true, request == null ? null : request.note());
    }

    @PostMapping("/api/admin/v1/volunteers/{id}/reject")
    @PreAuthorize(REVIEWERS)
    VolunteerView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @Valid @RequestBody(required = false) ReviewRequest request) {
        return registry.review(user, id, false, request == null ? null : request.note());
    }

    @GetMapping("/api/admin/v1/volunteers/{id}/services")
    @PreAuthorize(REVIEWERS)
    PageResult<ServiceView> services(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                     @Valid PageQuery page) {
        return registry.services(user, id, page);
    }
}
