package cn.yunxi.kepu.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.yunxi.kepu.KepuApplication;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.TestEnginesInitializer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed input over every operation of the OpenAPI document, as the one who may call it (a resident on resident
 * paths, the district admin on staff paths): wrong types, huge strings, deep JSON, negative and huge numbers,
 * unknown enum values and emoji, in the body (shaped after the operation's own request schema), the path variables
 * and the query. Whatever arrives, the answer is never a 5xx. The application runs once for the whole property,
 * against the same real MariaDB and Redis as every integration test.
 */
class MalformedInputIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Calls that end the caller's own account (the rest of the run would be anonymous). */
    static final Set<String> SKIPPED = Set.of("DELETE /api/v1/me");

    static ConfigurableApplicationContext app;
    static ApiClient api;
    static String resident;
    static String admin;
    static JsonNode doc;
    static List<Operation> operations;

    record Operation(String method, String template, JsonNode schema, List<String> query) {
        String key() {
            return method + " " + template;
        }
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(KepuApplication.class).initializers(new TestEnginesInitializer())
                .run("--server.port=0", "--spring.modulith.events.republish-outstanding-events-on-restart=false");
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        resident = Logins.residentToken(api);
        admin = Logins.districtAdminToken(api);
        doc = ApiClient.apiDocs(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        operations = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            List<String> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asString(""))) {
                    query.add(p.path("name").asString(""));
                }
            });
            Operation o = new Operation(method, path.getKey(),
                    resolve(op.getValue().path("requestBody").path("content").path("application/json").path("schema")),
                    query);
            if (!SKIPPED.contains(o.key())) {
                operations.add(o);
            }
        }));
        if (operations.size() < 100) {
            throw new IllegalStateException("only " + operations.size() + " operations in /v3/api-docs");
        }
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    // ---------- what goes wrong ----------

    static Arbitrary<Object> badValue() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(s -> (Object) s),
                Arbitraries.of("💥🧪科普😀", "\u0000", "'; DROP TABLE resident; --", "<script>alert(1)</script>",
                        "NOT_AN_ENUM_VALUE", "../../etc/passwd", "2026-13-45T99:99:99Z", "NaN", "-0", "1e999")
                        .map(s -> (Object) s),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(100_000).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE, Integer.MAX_VALUE + 1L).map(l -> (Object) l),
                Arbitraries.of(1e308, -1e308, 0.5, -0.000001).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(List.of(1, "a", List.of())).map(l -> (Object) l),
                Arbitraries.just(Map.of("nested", Map.of("deeper", "x"))).map(m -> (Object) m));
    }

    static Arbitrary<String> badPathValue() {
        return Arbitraries.of("-1", "0", "99999999999999999999999", "9223372036854775807", "abc", "1.5",
                "%F0%9F%92%A5", "%00", "null", "1e3", "%2e%2e%2f%2e%2e");
    }

    /** A body: the operation's own fields with bad values, or JSON that is bad as a whole. */
    static Arbitrary<String> body(Operation op) {
        List<String> fields = new ArrayList<>();
        op.schema().path("properties").properties().forEach(p -> fields.add(p.getKey()));
        Arbitrary<String> shaped = fields.isEmpty() ? Arbitraries.just("{}")
                : badValue().list().ofSize(fields.size()).map(values -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    Iterator<Object> it = values.iterator();
                    fields.forEach(f -> body.put(f, it.next()));
                    return ApiClient.json(body);
                });
        Arbitrary<String> whole = Arbitraries.oneOf(
                Arbitraries.integers().between(2, 5000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(2, 5000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.of("", "null", "[]", "\"text\"", "42", "{", "{\"a\":}", "{\"a\":1,}", "\uFEFF{}",
                        "{\"a\":\"\\ud800\"}", "{\"a\":1e999999}", "{\"a\":-99999999999999999999999999}"),
                Arbitraries.strings().ofMaxLength(200));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, shaped), net.jqwik.api.Tuple.of(1, whole));
    }

    record Call(Operation op, String path, String body) {
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.of(operations).flatMap(op -> Combinators.combine(
                badPathValue().list().ofSize(8), badValue().list().ofSize(Math.max(1, op.query().size())), body(op))
                .as((pathValues, queryValues, body) -> {
                    Matcher m = Pattern.compile("\\{[A-Za-z]+}").matcher(op.template());
                    StringBuilder path = new StringBuilder();
                    Iterator<String> values = pathValues.iterator();
                    while (m.find()) {
                        m.appendReplacement(path, Matcher.quoteReplacement(values.next()));
                    }
                    m.appendTail(path);
                    List<String> query = new ArrayList<>();
                    for (int i = 0; i < op.query().size(); i++) {
                        String v = String.valueOf(queryValues.get(i));
                        query.add(op.query().get(i) + "=" + java.net.URLEncoder.encode(
                                v.length() > 2000 ? v.substring(0, 2000) : v, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return new Call(op, path + (query.isEmpty() ? "" : "?" + String.join("&", query)), body);
                }));
    }

    @Property(tries = 1500, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void neverAServerError(@ForAll("calls") Call call) {
        String token = call.op().template().startsWith("/api/admin/") ? admin : resident;
        ApiClient.Response r = switch (call.op().method()) {
            case "GET" -> api.get(call.path(), token);
            case "DELETE" -> api.delete(call.path(), token);
            case "PUT" -> api.put(call.path(), token, call.body());
            case "PATCH" -> api.patch(call.path(), token, call.body());
            default -> api.post(call.path(), token, call.body());
        };
        // The distribution is printed with the report; most answers must be real validation refusals (4xx), not
        // all 401s of a token gone wrong.
        Statistics.collect(r.status() / 100 + "xx");
        Statistics.coverage(checker -> checker.check("4xx").percentage(p -> p > 50));
        boolean upstreamDown = r.status() == 503 && r.body() != null && r.body().contains("\"WECHAT_UNAVAILABLE\"");
        if (r.status() >= 500 && !upstreamDown) {
            throw new AssertionError(call.op().key() + " " + call.path() + " body "
                    + (call.body().length() > 300 ? call.body().substring(0, 300) + "…" : call.body())
                    + " -> " + r.status() + " " + r.body());
        }
    }
}
