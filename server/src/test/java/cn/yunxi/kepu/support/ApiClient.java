package cn.yunxi.kepu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, the way the mini-program and the console do. Every response
 * to a request under {@code /api} is checked against the committed OpenAPI document ({@link ApiContract}): a
 * status, content type or body the document does not describe fails the test that received it, so the document
 * the clients are generated from cannot drift from what the server really answers.
 */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    /** Why this client's responses are not checked against the contract; null when they are. */
    private final String uncheckedBecause;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);
    }

    private ApiClient(String base, HttpClient http, String uncheckedBecause) {
        this.base = base;
        this.http = http;
        this.uncheckedBecause = uncheckedBecause;
    }

    /**
     * The same client without the contract check, for a request a test sends on purpose outside what the document
     * describes. The reason is required so that the call site says why the exchange may break the contract.
     */
    public ApiClient unchecked(String because) {
        if (because == null || because.isBlank()) {
            throw new IllegalArgumentException("say why this exchange is not checked against the contract");
        }
        return new ApiClient(base, http, because);
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A GET allowed longer than the usual 30 s (a document the server builds on first request). */
    public Response get(String path, String token, Duration timeout) {
        return send(request(path, token).timeout(timeout).GET());
    }

    public Response get(String path, String token, String headerName, String headerValue) {
        return send(request(path, token).header(headerName, headerValue).GET());
    }

    public Response post(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response post(String path, String token, String jsonBody, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST of one file in the part {@code field}, as a browser's file upload sends it. */
    public Response postFile(String path, String token, String field, String filename, String contentType,
                             byte[] content) {
        String boundary = "----kepu" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response patch(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response put(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** GET of a binary body (an Excel export, an image); fails unless the status is 200. */
    public byte[] getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            checkContract(response, new String(response.body(), StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            checkContract(response, response.body());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void checkContract(HttpResponse<?> response, String body) {
        if (uncheckedBecause != null) {
            return;
        }
        URI uri = response.request().uri();
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        if (!pathAndQuery.startsWith("/api/")) {
            return;
        }
        String method = response.request().method();
        List<String> violations = Contract.DOCUMENT.violations(method, pathAndQuery, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), body);
        if (!violations.isEmpty()) {
            throw new AssertionError(method + " " + pathAndQuery + " answered " + response.statusCode()
                    + ", which the API contract (" + Contract.LOCATION + ") does not describe:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** The committed document, read and prepared once per JVM; compiled schemas are cached inside it. */
    private static final class Contract {
        static final Path LOCATION = Path.of("api", "openapi.json");
        static final ApiContract DOCUMENT = read();

        private static ApiContract read() {
            try {
                return new ApiContract(JSON.readTree(Files.readString(LOCATION, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("the API contract " + LOCATION.toAbsolutePath() + " is unreadable", e);
            }
        }
    }

    /**
     * The application's OpenAPI document. The first request builds it (every operation's error analysis
     * included), which on a busy machine takes longer than the usual request timeout.
     */
    public static JsonNode apiDocs(int port) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                            .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("/v3/api-docs answered " + document.statusCode() + " " + document.body());
            }
            return JSON.readTree(document.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
