package cn.yunxi.kepu.event;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The subscribe-message templates the mini-program asks residents to accept ({@code wx.requestSubscribeMessage}
 * needs the WeChat template ids, which live only in the server's configuration), and a way to accept them again
 * outside a signup, e.g. after declining at signup or once the reminders of earlier signups used the quota up.
 */
@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "活动与培训")
class NoticeTemplateController {

    /** One configured template: what it is for and its WeChat template id. */
    record NoticeTemplateView(NoticeTemplate type, String templateId) {
    }

    /** @param templates the types the resident just accepted in {@code wx.requestSubscribeMessage} */
    record SubscriptionRequest(
            @NotEmpty(message = "请选择要订阅的消息") @Size(max = 3, message = "订阅消息最多 3 类")
            List<@NotNull(message = "订阅消息类型不能为空") NoticeTemplate> templates) {
    }

    private final EventProperties properties;
    private final Notices notices;

    NoticeTemplateController(EventProperties properties, Notices notices) {
        this.properties = properties;
        this.notices = notices;
    }

    @GetMapping("/notice-templates")
    @Operation(summary = "订阅消息模板：报名前小程序用这些模板 ID 调用 wx.requestSubscribeMessage；未配置的模板不返回，"
            + "列表为空时不必请求订阅")
    List<NoticeTemplateView> templates() {
        return Arrays.stream(NoticeTemplate.values())
                .filter(t -> properties.template(t) != null)
                .map(t -> new NoticeTemplateView(t, properties.template(t)))
                .toList();
    }

    @PostMapping("/notice-subscriptions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "报名之外订阅：上报居民刚在 wx.requestSubscribeMessage 中同意的模板类型，每类增加一次可发送次数"
            + "（每类最多累计 50 次）")
    void subscribe(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody SubscriptionRequest request) {
        notices.grantQuota(user.id(), request.templates());
    }
}
