package cn.yunxi.kepu.wechat;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.yunxi.kepu.common.web.ApiException;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * One-time subscribe messages (subscribeMessage.send). WeChat's answers are outcomes the caller records, not
 * failures: 43101 means the user has no acceptance left (or refused), other errcodes mean this message cannot
 * be sent. Only -1 (system busy) is known not to have been sent and may be retried; when WeChat could not be
 * reached we cannot know whether it arrived, so the caller must not send it again.
 */
@Component
public class WechatSubscribeMessages {

    /** The user refused the template or has used up their acceptances. */
    public static final int USER_REFUSED = 43101;

    private final WxMaService wx;

    WechatSubscribeMessages(WxMaService wx) {
        this.wx = wx;
    }

    public enum Outcome {
        SENT, REFUSED, REJECTED, BUSY, UNKNOWN
    }

    /** @param errcode WeChat's errcode when it answered with one */
    public record Result(Outcome outcome, Integer errcode) {
    }

    /**
     * @param page mini-program page opened from the message, e.g. {@code pages/event/detail?id=42}
     * @param data template keywords (e.g. {@code thing1}) and their values, already cut to WeChat's limits
     */
    public Result send(String openid, String templateId, String page, Map<String, String> data) {
        WxMaSubscribeMessage message = new WxMaSubscribeMessage();
        message.setToUser(openid);
        message.setTemplateId(templateId);
        message.setPage(page);
        message.setLang("zh_CN");
        data.forEach((k, v) -> message.addData(new WxMaSubscribeMessage.MsgData(k, v)));
        try {
            WechatCalls.call("subscribeMessage.send", WechatErrors.WECHAT_FAILED, () -> {
                wx.getMsgService().sendSubscribeMsg(message);
                return Boolean.TRUE;
            });
            return new Result(Outcome.SENT, 0);
        } catch (ApiException e) {
            if (e.getCause() instanceof WxErrorException wxError && wxError.getError() != null) {
                int code = wxError.getError().getErrorCode();
                Outcome outcome = code == USER_REFUSED ? Outcome.REFUSED : code == -1 ? Outcome.BUSY : Outcome.REJECTED;
                return new Result(outcome, code);
            }
            return new Result(Outcome.UNKNOWN, null);
        }
    }
}
