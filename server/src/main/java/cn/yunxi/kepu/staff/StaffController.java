package cn.yunxi.kepu.staff;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/admin/v1")
@Tag(name = "工作人员与单位")
class StaffController {

    private final StaffAdminService staff;
    private final StaffService directory;

    StaffController(StaffAdminService staff, StaffService directory) {
        this.staff = staff;
        this.directory = directory;
    }

    @GetMapping("/me")
    StaffView me(@AuthenticationPrincipal CurrentUser user) {
        return staff.me(user);
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改自己的密码（须提供原密码；所有设备上的登录随之失效，包括本设备，需用新密码重新登录）")
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
    @Operation(summary = "工作人员账号列表，可按角色、单位、状态和姓名或用户名中的关键词筛选（单位/镇街管理员只看本单位）")
    PageResult<StaffView> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page,
                               @RequestParam(required = false) StaffRole role,
                               @RequestParam(required = false) Long unitId,
                               @RequestParam(required = false) StaffAdminService.AccountStatus status,
                               @RequestParam(required = false) @Size(max = 50, message = "关键词不超过 50 个字") String keyword) {
        return staff.list(user, page, new StaffAdminService.StaffFilter(role, unitId, status, keyword));
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "创建工作人员账号（区级管理员可建任意角色；单位/镇街管理员只能为本单位建活动组织者）")
    StaffView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody StaffRequests.CreateStaff request) {
        return staff.create(user, request);
    }

    @PutMapping("/staff/{id}")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "修改工作人员的姓名、角色、单位（改了角色或单位，其所有登录随之失效，重新登录后生效；不能改自己的角色）")
    StaffView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @Valid @RequestBody StaffRequests.UpdateStaff request) {
        return staff.update(user, id, request);
    }

    @PostMapping("/staff/{id}/disable")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    StaffView disable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return staff.setStatus(user, id, false);
    }

    @PostMapping("/staff/{id}/reset-password")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "重置他人的密码（本人下次登录须改密码；其所有登录随之失效）")
    StaffView resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @Valid @RequestBody StaffRequests.ResetPassword request) {
        return staff.resetPassword(user, id, request);
    }

    @PostMapping("/staff/{id}/enable")
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')")
    StaffView enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return staff.setStatus(user, id, true);
    }
}
