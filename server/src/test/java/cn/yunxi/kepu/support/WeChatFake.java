package cn.yunxi.kepu.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * WeChat's server API at the HTTP level, answering with the documented JSON shapes and error codes
 * (auth.code2Session, phonenumber.getPhoneNumber, auth.getStableAccessToken). One server per test JVM.
 */
public final class WeChatFake {

    private static WireMockServer server;

    private WeChatFake() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            reset();
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** Clears every stub and request log, then answers access-token requests again. */
    public static void reset() {
        WireMockServer s = server();
        s.resetAll();
        String token = "{\"access_token\":\"FAKE_ACCESS_TOKEN\",\"expires_in\":7200}";
        s.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).willReturn(okJson(token)));
        s.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson(token)));
    }

    public static void loginSucceeds(String code, String openid) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .willReturn(okJson("{\"openid\":\"" + openid + "\",\"session_key\":\"SECRET_SESSION_KEY_"
                        + code + "\",\"unionid\":\"union-" + openid + "\"}")));
    }

    public static void loginFails(String code, int errcode, String errmsg) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + ", rid: 6744a1b2\"}")));
    }

    public static void loginTimesOut(String code, int delayMillis) {
        server().stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", equalTo(code))
                .willReturn(aResponse().withFixedDelay(delayMillis).withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"openid\":\"too-late\",\"session_key\":\"x\"}")));
    }

    public static void phoneSucceeds(String code, String phone) {
        server().stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .withRequestBody(equalToJson("{\"code\":\"" + code + "\"}"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"" + phone
                        + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":\"86\","
                        + "\"watermark\":{\"timestamp\":1764380000,\"appid\":\"wx-test\"}}}")));
    }

    public static void phoneFails(String code, int errcode, String errmsg) {
        server().stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .withRequestBody(equalToJson("{\"code\":\"" + code + "\"}"))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }
}
