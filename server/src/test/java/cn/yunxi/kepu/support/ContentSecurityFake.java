package cn.yunxi.kepu.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WeChat's msgSecCheck v2 and mediaCheckAsync on the shared WeChat fake, with their documented JSON. */
public final class ContentSecurityFake {

    private ContentSecurityFake() {
    }

    /** msg_sec_check answers {@code suggest} for requests whose content contains {@code marker}. */
    public static void textVerdict(String marker, String suggest, int label) {
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/msg_sec_check"))
                .withRequestBody(containing(marker))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest
                        + "\",\"label\":" + label + "},\"detail\":[{\"strategy\":\"content_model\",\"errcode\":0,"
                        + "\"suggest\":\"" + suggest + "\",\"label\":" + label + ",\"prob\":90}],"
                        + "\"trace_id\":\"trace-" + marker + "\"}")));
    }

    public static void textError(String marker, int errcode, String errmsg) {
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/msg_sec_check"))
                .withRequestBody(containing(marker))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }

    public static void textTimesOut(String marker, int delayMillis) {
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/msg_sec_check"))
                .withRequestBody(containing(marker))
                .willReturn(aResponse().withFixedDelay(delayMillis).withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":0,\"result\":{\"suggest\":\"pass\",\"label\":100}}")));
    }

    /**
     * media_check_async accepts every image with a new trace_id each time, as WeChat does: tests that upload
     * without caring about the verdict never collide on the unique trace_id of an earlier test's upload.
     */
    public static void mediaCheckAcceptedWithFreshTraces() {
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/media_check_async"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"trace-{{randomValue type='UUID'}}\"}")
                        .withTransformers("response-template")));
    }

    public static void mediaCheckAccepted(String traceId) {
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/media_check_async"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + traceId + "\"}")));
    }
}
