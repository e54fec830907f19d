package cn.yunxi.kepu.officer;

import java.util.List;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "科普信息员与科普宣传员")
class OfficerController {

    private final OfficerService officers;
    private final OfficerReachService reach;
    private final OfficerShareCodeService shareCodes;

    OfficerController(OfficerService officers, OfficerReachService reach, OfficerShareCodeService shareCodes) {
        this.officers = officers;
        this.reach = reach;
        this.shareCodes = shareCodes;
    }

    @PostMapping("/api/v1/officers/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请成为本村（社区）的科普信息员或科普宣传员（实名、手机号）")
    OfficerService.OfficerView apply(@AuthenticationPrincipal CurrentUser user,
                                     @Valid @RequestBody OfficerRequests.Apply request) {
        return officers.apply(user.id(), request);
    }

    @GetMapping("/api/v1/officers/me")
    @Operation(summary = "我的申请与身份")
    List<OfficerService.OfficerView> mine(@AuthenticationPrincipal CurrentUser user) {
        return officers.mine(user.id());
    }

    @GetMapping("/api/v1/officers/me/reach")
    @Operation(summary = "我的传播：分享数、开展活动数、打开过我分享内容的居民人数")
    OfficerService.ReachView reach(@AuthenticationPrincipal CurrentUser user) {
        return officers.reach(user.id());
    }

    @GetMapping("/api/v1/officers/me/reach/villages")
    @Operation(summary = "我的传播：通过我的分享打开内容的次数、人数，以及这些居民按所在村（社区）的分布")
    OfficerReachService.ReachByVillage reachByVillage(@AuthenticationPrincipal CurrentUser user) {
        return reach.byVillage(user.id());
    }

    @PostMapping("/api/v1/officers/me/share-codes")
    @Operation(summary = "分享海报上的小程序码：打开所分享的内容并带上我的分享标识（扫码阅读计入我的传播）")
    OfficerShareCodeService.ShareCode shareCode(@AuthenticationPrincipal CurrentUser user,
                                          @Valid @RequestBody OfficerRequests.ShareCode request) {
        return shareCodes.code(user.id(), request);
    }

    @GetMapping("/api/admin/v1/officers")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "申请与在册人员（镇街管理员只看本镇街）")
    PageResult<OfficerService.OfficerView> list(@AuthenticationPrincipal CurrentUser user,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String role,
                                                @Valid PageQuery page) {
        return officers.list(user, status, role, page);
    }

    @GetMapping("/api/admin/v1/officers/coverage")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "各村（社区）有无科普信息员（近期活跃的才算）或科普宣传员（镇街管理员只看本镇街）")
    CoverageReport coverage(@AuthenticationPrincipal CurrentUser user,
                            @RequestParam(defaultValue = "INFO_OFFICER") OfficerRole role) {
        return officers.coverage(user, role);
    }

    @PostMapping("/api/admin/v1/officers/{id}/approve")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "通过申请")
    OfficerService.OfficerView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                       @Valid @RequestBody(required = false) OfficerRequests.Review review) {
        return officers.review(user, id, true, review == null ? null : review.note());
    }

    @PostMapping("/api/admin/v1/officers/{id}/reject")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "退回申请（须写明原因）")
    OfficerService.OfficerView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                      @Valid @RequestBody OfficerRequests.Review review) {
        return officers.review(user, id, false, review.note());
    }
}
