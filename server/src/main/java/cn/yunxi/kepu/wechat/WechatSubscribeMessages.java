package cn.yunxi.kepu.wechat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;

import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.yunxi.kepu.common.web.ApiException;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * One-time subscribe messages (subscribeMessage.send). WeChat's answers are outcomes the caller records, not
 * failures: 43101 means the user has no acceptance left (or refused), other errcodes mean this message cannot
 * be sent. BUSY means it certainly was not sent and may be retried: WeChat answered -1 (system busy) or 503/429,
 * or no connection to WeChat could be made. When the request went out and no answer came back (a timeout, a
 * reset connection, another 5xx) we cannot know whether it arrived: UNKNOWN, and the caller must not send it again.
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
            return new Result(certainlyNotSent(e) ? Outcome.BUSY : Outcome.UNKNOWN, null);
        }
    }

    /**
     * Whether the request never reached WeChat's service: no connection could be made (refused, unroutable,
     * unresolvable, or no free connection of our own), or WeChat's front answered 503/429, which say the request
     * was not handled. A read timeout, a connection reset after the request was written, or any other 5xx
     * (500, 502, 504: the service may have acted before failing) leave it open whether the message went out.
     */
    static boolean certainlyNotSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpResponseException http) {
                return http.getStatusCode() == 503 || http.getStatusCode() == 429;
            }
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof ConnectionPoolTimeoutException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }
}
