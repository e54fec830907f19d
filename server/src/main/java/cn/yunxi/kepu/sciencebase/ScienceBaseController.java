package cn.yunxi.kepu.sciencebase;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
@Tag(name = "科普基地")
class ScienceBaseController {

    private final ScienceBaseService bases;

    ScienceBaseController(ScienceBaseService bases) {
        this.bases = bases;
    }

    @GetMapping("/api/v1/bases")
    @Operation(summary = "科普基地列表（传入定位时按距离由近到远）")
    PageResult<ScienceBaseService.BaseView> list(@RequestParam(required = false) Double lat,
                                          @RequestParam(required = false) Double lng,
                                          @RequestParam(required = false) String type, @Valid PageQuery page) {
        return bases.list(lat, lng, type, page);
    }

    @GetMapping("/api/v1/bases/{id}")
    @Operation(summary = "科普基地详情")
    ScienceBaseService.BaseView get(@PathVariable long id) {
        return bases.get(id);
    }

    @PostMapping("/api/v1/bases/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "在基地现场签到（带定位时须在基地附近；不带定位的记为未核验，经工作人员确认后才计入；每天一次）")
    ScienceBaseService.CheckInView checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @Valid @RequestBody ScienceBaseRequests.CheckIn request) {
        return bases.checkIn(user.id(), id, request);
    }

    @GetMapping("/api/admin/v1/bases")
    @Operation(summary = "科普基地名录（含已撤销的，status 筛选），附签到人次、人数")
    PageResult<ScienceBaseService.StaffBaseView> adminList(@RequestParam(required = false) String status,
                                                           @RequestParam(required = false) String type,
                                                           @Valid PageQuery page) {
        return bases.registry(status, type, page);
    }

    @PostMapping("/api/admin/v1/bases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "登记认定的科普基地")
    ScienceBaseService.BaseView create(@Valid @RequestBody ScienceBaseRequests.SaveBase request) {
        return bases.create(request);
    }

    @GetMapping("/api/admin/v1/bases/{id}/check-ins/unconfirmed")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "未核验位置、待确认的基地签到")
    java.util.List<ScienceBaseService.CheckInView> unconfirmed(@PathVariable long id) {
        return bases.unconfirmed(id);
    }

    @PostMapping("/api/admin/v1/bases/{id}/check-ins/{checkInId}/confirm")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "确认一条未核验位置的基地签到（确认后计入指标）")
    ScienceBaseService.CheckInView confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                           @PathVariable long checkInId) {
        return bases.confirm(user.id(), id, checkInId);
    }

    @PutMapping("/api/admin/v1/bases/{id}")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "修改科普基地信息")
    ScienceBaseService.BaseView update(@PathVariable long id, @Valid @RequestBody ScienceBaseRequests.SaveBase request) {
        return bases.update(id, request);
    }

    @PostMapping("/api/admin/v1/bases/{id}/withdraw")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "撤销基地认定（不再计入指标）")
    ScienceBaseService.BaseView withdraw(@PathVariable long id) {
        return bases.withdraw(id);
    }
}
