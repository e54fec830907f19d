package cn.yunxi.kepu.emergency;

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
import cn.yunxi.kepu.emergency.EmergencyViews.EmergencyView;
import cn.yunxi.kepu.emergency.EmergencyViews.TemplateView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** 应急发布 in the console: the district admins' alone. */
@RestController
@RequestMapping("/api/admin/v1")
@PreAuthorize("hasRole('DISTRICT_ADMIN')")
@Tag(name = "应急科普")
class EmergencyAdminController {

    /** Towns follow the emergencies their residents see; everything else stays with the district. */
    private static final String READERS = "hasAnyRole('DISTRICT_ADMIN', 'TOWN_ADMIN')";

    private final EmergencyAdminService emergencies;
    private final EmergencyTemplateService templates;

    EmergencyAdminController(EmergencyAdminService emergencies, EmergencyTemplateService templates) {
        this.emergencies = emergencies;
        this.templates = templates;
    }

    @GetMapping("/emergency-templates")
    @Operation(operationId = "emergencyTemplates", summary = "应急模板（预先审定的文本；示例模板带 example 标记）；activeOnly=true 只列启用的")
    List<TemplateView> templates(@RequestParam(defaultValue = "false") boolean activeOnly) {
        return templates.list(activeOnly);
    }

    @PostMapping("/emergency-templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createEmergencyTemplate", summary = "新增应急模板")
    TemplateView createTemplate(@AuthenticationPrincipal CurrentUser user,
                                @Valid @RequestBody EmergencyRequests.SaveTemplate request) {
        return templates.create(user, request);
    }

    @PutMapping("/emergency-templates/{id}")
    @Operation(operationId = "updateEmergencyTemplate", summary = "修改或停用应急模板（修改后的示例模板成为本区自己的模板）")
    TemplateView updateTemplate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                @Valid @RequestBody EmergencyRequests.SaveTemplate request) {
        return templates.update(user, id, request);
    }

    @GetMapping("/emergencies")
    @PreAuthorize(READERS)
    @Operation(operationId = "listEmergencies", summary = "应急通知列表（status：PENDING 待审批、PUBLISHED 已发布、ENDED 已结束、REJECTED 已驳回），含送达统计与操作记录；镇街管理员只读，只看到面向全区或本镇（街道）及其村（社区）的已发布通知")
    PageResult<EmergencyView> list(@AuthenticationPrincipal CurrentUser user,
                                   @RequestParam(required = false) EmergencyStatus status, @Valid PageQuery page) {
        return emergencies.list(user, status, page);
    }

    @GetMapping("/emergencies/{id}")
    @PreAuthorize(READERS)
    @Operation(operationId = "getEmergency", summary = "应急通知详情：操作记录（起草、确认、审批）与送达统计；镇街管理员只能看范围内的已发布通知，别的一律 404")
    EmergencyView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return emergencies.get(user, id);
    }

    @PostMapping("/emergencies/from-template")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "publishEmergencyFromTemplate", summary = "按模板立即发布：须在 confirmText 中输入“确认发布”；必须设置结束时间（30 天以内）")
    EmergencyView fromTemplate(@AuthenticationPrincipal CurrentUser user,
                               @Valid @RequestBody EmergencyRequests.FromTemplate request) {
        return emergencies.fromTemplate(user, request);
    }

    @PostMapping("/emergencies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "draftEmergency", summary = "起草自由文本的应急通知：须由另一位区级管理员审批后发布")
    EmergencyView draft(@AuthenticationPrincipal CurrentUser user,
                        @Valid @RequestBody EmergencyRequests.FreeText request) {
        return emergencies.draft(user, request);
    }

    @PostMapping("/emergencies/{id}/approve")
    @Operation(operationId = "approveEmergency", summary = "审批发布（起草人不能审批自己的通知）")
    EmergencyView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return emergencies.approve(user, id);
    }

    @PostMapping("/emergencies/{id}/reject")
    @Operation(operationId = "rejectEmergency", summary = "驳回待审批的应急通知")
    EmergencyView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                         @Valid @RequestBody EmergencyRequests.Reject request) {
        return emergencies.reject(user, id, request.reason());
    }

    @PostMapping("/emergencies/{id}/end")
    @Operation(operationId = "endEmergency", summary = "提前结束：居民端横幅立即消失，未发出的订阅消息不再发送")
    EmergencyView end(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return emergencies.end(user, id);
    }
}
