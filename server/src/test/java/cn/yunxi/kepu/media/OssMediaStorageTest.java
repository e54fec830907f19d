package cn.yunxi.kepu.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

/** The OSS adapter against a WireMock stand-in answering OSS's documented REST shapes (path-style on an IP endpoint). */
class OssMediaStorageTest {

    private WireMockServer oss;
    private OssMediaStorage storage;

    @BeforeEach
    void setUp() {
        oss = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        oss.start();
        MediaProperties.Oss config = new MediaProperties.Oss("http://127.0.0.1:" + oss.port(), "kepu-test",
                "test-key-id", "test-key-secret", "cn-hangzhou", null, null, List.of(), null, null);
        storage = new OssMediaStorage(config, Clock.systemUTC(), JsonMapper.builder().build());
    }

    @AfterEach
    void tearDown() {
        storage.shutdown();
        oss.stop();
    }

    @Test
    void putsStatsAndDeletesWithV4SignedRequests() {
        oss.stubFor(put(urlPathEqualTo("/kepu-test/s/1/content-image/20261129/a.png"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"5B3C1A2E053D763E1B002CC607C5A0FE\"")
                        .withHeader("x-oss-request-id", "534B371674E88A4D8906****")));
        storage.put("s/1/content-image/20261129/a.png", new byte[] {1, 2, 3}, "image/png");
        oss.verify(putRequestedFor(urlPathEqualTo("/kepu-test/s/1/content-image/20261129/a.png"))
                .withHeader("Authorization", matching("OSS4-HMAC-SHA256 Credential=test-key-id/\\d{8}/cn-hangzhou/oss/aliyun_v4_request.*"))
                .withHeader("Content-Type", equalTo("image/png")));

        oss.stubFor(head(urlPathEqualTo("/kepu-test/s/1/content-image/20261129/a.png"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Length", "3")
                        .withHeader("Content-Type", "image/png").withHeader("ETag", "\"5B3C\"")));
        assertThat(storage.stat("s/1/content-image/20261129/a.png"))
                .contains(new MediaStorage.StoredObject("s/1/content-image/20261129/a.png", 3, "image/png"));

        oss.stubFor(head(urlPathEqualTo("/kepu-test/missing.png"))
                .willReturn(aResponse().withStatus(404).withHeader("x-oss-request-id", "5C3D9175B6FC201293AD****")));
        assertThat(storage.stat("missing.png")).isEmpty();

        oss.stubFor(delete(urlPathEqualTo("/kepu-test/s/1/content-image/20261129/a.png")).willReturn(aResponse().withStatus(204)));
        storage.delete("s/1/content-image/20261129/a.png");
        oss.verify(deleteRequestedFor(urlPathEqualTo("/kepu-test/s/1/content-image/20261129/a.png")));
    }

    @Test
    void signedReadUrlsAndThumbnailsAndUploadForms() {
        String url = storage.readUrl("s/1/content-image/20261129/a.png", Duration.ofMinutes(5), 400);
        assertThat(url).startsWith("http://127.0.0.1:" + oss.port() + "/kepu-test/s/1/content-image/20261129/a.png?")
                .contains("x-oss-signature-version=OSS4-HMAC-SHA256").contains("x-oss-signature=")
                .contains("x-oss-process=image%2Fresize%2Cw_400");

        UploadPolicy policy = storage.uploadPolicy(new UploadPolicyRequest("r/2/image/20261129/b.jpg", "image/jpeg", 1000,
                Instant.now().plusSeconds(600), "https://kepu.example.cn/cb"));
        assertThat(policy.host()).isEqualTo("http://127.0.0.1:" + oss.port() + "/kepu-test");
        assertThat(policy.fields()).containsKeys("policy", "x-oss-signature", "x-oss-credential", "x-oss-date", "callback");
        assertThat(OssMediaStorage.uploadHost("oss-cn-hangzhou.aliyuncs.com", "b")).isEqualTo("https://b.oss-cn-hangzhou.aliyuncs.com");
    }

    private static String listing(String prefix, boolean truncated, String next, String... keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>"
                + "<Name>kepu-test</Name><Prefix>" + prefix + "</Prefix><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>" + truncated + "</IsTruncated><KeyCount>" + keys.length + "</KeyCount>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-11-29T06:00:00.000Z</LastModified>")
                    .append("<ETag>\"5B3C\"</ETag><Type>Normal</Type><Size>3</Size><StorageClass>Standard</StorageClass></Contents>");
        }
        if (next != null) {
            xml.append("<NextContinuationToken>").append(next).append("</NextContinuationToken>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    /** An XML answer as OSS sends it, with a Content-Length (the SDK reads no DeleteResult without one). */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withHeader("Content-Length", Integer.toString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length))
                .withBody(body);
    }

    private static String deleted(String... keys) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DeleteResult>");
        for (String key : keys) {
            xml.append("<Deleted><Key>").append(key).append("</Key></Deleted>");
        }
        return xml.append("</DeleteResult>").toString();
    }

    @Test
    void deletesAnOwnersObjectsPageByPageWithListObjectsV2AndDeleteMultipleObjects() {
        String a = "r/12/avatar/20261129/a.png";
        String b = "r/12/image/20261129/b.png";
        String c = "r/12/image/20261130/c.jpg";
        oss.stubFor(get(urlPathMatching("/kepu-test/?")).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("prefix", equalTo("r/12/")).withQueryParam("continuation-token", absent())
                .willReturn(xml(listing("r/12/", true, "page-2", a, b))));
        oss.stubFor(get(urlPathMatching("/kepu-test/?")).withQueryParam("list-type", equalTo("2"))
                .withQueryParam("prefix", equalTo("r/12/")).withQueryParam("continuation-token", equalTo("page-2"))
                .willReturn(xml(listing("r/12/", false, null, c))));
        oss.stubFor(post(urlPathMatching("/kepu-test/?")).withQueryParam("delete", equalTo(""))
                .withRequestBody(containing("<Key>" + a + "</Key>"))
                .willReturn(xml(deleted(a, b))));
        oss.stubFor(post(urlPathMatching("/kepu-test/?")).withQueryParam("delete", equalTo(""))
                .withRequestBody(containing("<Key>" + c + "</Key>"))
                .willReturn(xml(deleted(c))));

        assertThat(storage.deleteAll("r/12/")).isEqualTo(3);

        oss.verify(2, getRequestedFor(urlPathMatching("/kepu-test/?")).withQueryParam("list-type", equalTo("2"))
                .withHeader("Authorization", matching("OSS4-HMAC-SHA256 .*")));
        oss.verify(1, postRequestedFor(urlPathMatching("/kepu-test/?")).withQueryParam("delete", equalTo(""))
                .withHeader("Content-MD5", matching(".+"))
                .withRequestBody(containing("<Quiet>false</Quiet>"))
                .withRequestBody(containing("<Key>" + a + "</Key>")).withRequestBody(containing("<Key>" + b + "</Key>")));
        oss.verify(1, postRequestedFor(urlPathMatching("/kepu-test/?")).withQueryParam("delete", equalTo(""))
                .withRequestBody(containing("<Key>" + c + "</Key>")));
    }

    @Test
    void anEmptyPrefixDeletesNothingAndABucketWidePrefixIsRefused() {
        oss.stubFor(get(urlPathMatching("/kepu-test/?")).withQueryParam("list-type", equalTo("2"))
                .willReturn(xml(listing("r/13/", false, null))));
        assertThat(storage.deleteAll("r/13/")).isZero();
        oss.verify(0, postRequestedFor(urlPathMatching("/kepu-test/?")));

        assertThatThrownBy(() -> storage.deleteAll("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.deleteAll("sys/")).isInstanceOf(IllegalArgumentException.class);
        oss.verify(1, getRequestedFor(urlPathMatching("/kepu-test/?")));
    }
}
