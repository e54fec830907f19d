package cn.yunxi.kepu.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts an RFC 9457 problem with our stable code and a Chinese detail fit to show a resident. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().path("detail").asString()).as(response.toString()).isNotBlank()
                .matches("(?s).*[\\u4e00-\\u9fa5].*");
    }
}
