package cn.yunxi.kepu.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The integration tests' client checks every {@code /api} response against the committed document: shown here
 * against a stand-in server that answers with whatever each test needs, right or wrong.
 */
class ApiClientContractTest {

    private static final String PROBLEM = """
            {"type":"https://kepu.yunxi.gov.cn/problems/not-found","title":"NOT_FOUND","status":404,
             "detail":"接口不存在","code":"NOT_FOUND","instance":"/api/v1/nowhere"}""";

    private static HttpServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // A documented operation: an array of distinct strings.
        answer("/api/admin/v1/indicator-codes", 200, "application/json", "[\"A\",7]");
        // Not in the document at all.
        answer("/api/v1/nowhere", 200, "application/json", "{}");
        answer("/api/v1/missing", 404, "application/problem+json", PROBLEM);
        answer("/actuator/health", 200, "text/plain", "anything");
        server.start();
        api = new ApiClient(server.getAddress().getPort());
    }

    private static void answer(String path, int status, String contentType, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aBodyTheDocumentDoesNotDescribeFailsWithMethodPathStatusAndPointer() {
        assertThatThrownBy(() -> api.get("/api/admin/v1/indicator-codes?sort=asc", "token"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/admin/v1/indicator-codes?sort=asc answered 200")
                .hasMessageContaining("at /1 ");
    }

    @Test
    void anUndocumentedOperationThatSucceedsFails() {
        assertThatThrownBy(() -> api.post("/api/v1/nowhere", null, "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /api/v1/nowhere answered 200")
                .hasMessageContaining("no documented operation");
    }

    @Test
    void anUnknownPathAnsweredWithAProblemPasses() {
        assertThat(api.get("/api/v1/missing", null).status()).isEqualTo(404);
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() {
        assertThat(api.get("/actuator/health", null).body()).isEqualTo("anything");
    }

    @Test
    void binaryDownloadsAreCheckedToo() {
        assertThatThrownBy(() -> api.getBytes("/api/v1/nowhere", null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /api/v1/nowhere answered 200");
    }

    @Test
    void anUncheckedClientSaysWhyAndSkipsTheCheck() {
        assertThat(api.unchecked("the stand-in answers what no operation documents")
                .post("/api/v1/nowhere", null, "{}").status()).isEqualTo(200);
        assertThatThrownBy(() -> api.unchecked(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
