package cn.yunxi.kepu.staff;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
@Tag(name = "工作人员与单位")
class StaffController {

    private final StaffAdminService staff;
    private final StaffDirectory directory;

    StaffController(StaffAdminService staff, StaffDirectory directory) {
        this.staff = staff;
        this.directory = directory;
    }

    @GetMapping("/me")
    StaffView me(@AuthenticationPrincipal CurrentUser user) {
        return staff.me(user);
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改自己的密码（其他设备上的登录随之失效）")
    void changePassword(@AuthenticationPrincipal CurrentUser user,
                        @Valid @RequestBody StaffRequests.ChangePassword request) {
        staff.changeOwnPassword(user, request);
    }

    @GetMapping("/units")
    @Operation(summary = "单位列表（纲要责任分工中的部门、镇街）")
    List<UnitView> units() {
        return directory.units();
    }

    @GetMapping("/staff")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    PageResult<StaffView> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return staff.list(user, page);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "创建工作人员账号（区级管理员可建任意角色；单位/镇街管理员只能为本单位建活动组织者）")
    StaffView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody StaffRequests.CreateStaff request) {
        return staff.create(user, request);
    }

    @PostMapping("/staff/{id}/disable")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    StaffView disable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return staff.setStatus(user, id, false);
    }

    @PostMapping("/staff/{id}/enable")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    StaffView enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return staff.setStatus(user, id, true);
    }
}
