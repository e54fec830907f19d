package cn.yunxi.kepu.base;

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
@Tag(name = "科普基地")
class BaseController {

    private final BaseService bases;

    BaseController(BaseService bases) {
        this.bases = bases;
    }

    @GetMapping("/api/v1/bases")
    @Operation(summary = "科普基地列表（传入定位时按距离由近到远）")
    PageResult<BaseService.BaseView> list(@RequestParam(required = false) Double lat,
                                          @RequestParam(required = false) Double lng,
                                          @RequestParam(required = false) String type, @Valid PageQuery page) {
        return bases.list(lat, lng, type, page);
    }

    @GetMapping("/api/v1/bases/{id}")
    @Operation(summary = "科普基地详情")
    BaseService.BaseView get(@PathVariable long id) {
        return bases.get(id);
    }

    @PostMapping("/api/v1/bases/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "在基地现场签到（须在基地签到范围内，每天一次）")
    BaseService.CheckInView checkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                    @Valid @RequestBody BaseRequests.CheckIn request) {
        return bases.checkIn(user.id(), id, request);
    }

    @GetMapping("/api/admin/v1/bases")
    @Operation(summary = "科普基地名录")
    PageResult<BaseService.BaseView> adminList(@RequestParam(required = false) String type, @Valid PageQuery page) {
        return bases.list(null, null, type, page);
    }

    @PostMapping("/api/admin/v1/bases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "登记认定的科普基地")
    BaseService.BaseView create(@Valid @RequestBody BaseRequests.SaveBase request) {
        return bases.create(request);
    }

    @PostMapping("/api/admin/v1/bases/{id}/withdraw")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "撤销基地认定（不再计入指标）")
    BaseService.BaseView withdraw(@PathVariable long id) {
        return bases.withdraw(id);
    }
}
