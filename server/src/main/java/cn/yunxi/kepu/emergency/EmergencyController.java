package cn.yunxi.kepu.emergency;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.emergency.EmergencyViews.ActiveView;
import cn.yunxi.kepu.emergency.EmergencyViews.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/emergencies")
@Tag(name = "应急科普")
class EmergencyController {

    private final EmergencyResidentService emergencies;

    EmergencyController(EmergencyResidentService emergencies) {
        this.emergencies = emergencies;
    }

    @GetMapping("/active")
    @Operation(operationId = "activeEmergencies", summary = "本人所在地正在生效的应急通知（read=false 的在每个页面顶部以横幅显示，直到本人点“我知道了”）")
    List<ActiveView> active(@AuthenticationPrincipal CurrentUser user) {
        return emergencies.active(user.id());
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "readEmergency", summary = "标记已读：横幅不再显示")
    void read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        emergencies.markRead(user.id(), id);
    }

    @GetMapping("/subscription")
    @Operation(operationId = "emergencySubscription", summary = "应急提醒的订阅消息模板 ID（为空表示未开通）和本人剩余可接收次数")
    SubscriptionView subscription(@AuthenticationPrincipal CurrentUser user) {
        return emergencies.subscription(user.id());
    }

    @PostMapping("/subscription")
    @Operation(operationId = "subscribeToEmergencies", summary = "上报居民刚在 wx.requestSubscribeMessage 中同意了应急提醒：可接收次数加一（最多累计 50 次）")
    SubscriptionView subscribe(@AuthenticationPrincipal CurrentUser user) {
        return emergencies.subscribe(user.id());
    }
}
