package cn.yunxi.kepu.common.apidocs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import cn.yunxi.kepu.common.web.CommonErrors;
import cn.yunxi.kepu.common.web.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the errors every operation can answer with, as {@code application/problem+json}, one named example
 * per error code ({@code EventErrors.EVENT_FULL}) with its Chinese message. Nothing is listed per endpoint by
 * hand: the codes come from {@link ThrownErrors} (what the handler's code can throw) and from what every request
 * goes through:
 * <ul>
 *   <li>400 {@code VALIDATION_FAILED} (with {@code errors[]}, one per field) for operations with parameters or a
 *       body, {@code MALFORMED_REQUEST} and 415 for those with a body;</li>
 *   <li>401 and 403 for everything that needs a token (all of {@code /api} but the declared public paths);</li>
 *   <li>404 {@code NOT_FOUND} for operations on a resource named in the path;</li>
 *   <li>409 {@code CONFLICT} for operations that write rows (a unique key may refuse them);</li>
 *   <li>413 for uploads, and 500 and 503 {@code DATABASE_UNAVAILABLE} for everything.</li>
 * </ul>
 */
class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "https://kepu.yunxi.gov.cn/problems/";

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400, "请求有误：参数或内容不符合要求"),
            Map.entry(401, "未登录，或登录已失效"),
            Map.entry(403, "没有权限"),
            Map.entry(404, "访问的内容不存在"),
            Map.entry(409, "与当前状态冲突"),
            Map.entry(410, "已失效"),
            Map.entry(413, "提交的内容过大"),
            Map.entry(415, "不支持的内容类型"),
            Map.entry(422, "无法处理"),
            Map.entry(429, "操作太频繁"),
            Map.entry(500, "服务器内部错误"),
            Map.entry(502, "依赖的外部服务出错"),
            Map.entry(503, "暂不可用：数据库正在恢复或依赖的外部服务不可用，稍后可重试"));

    private final ThrownErrors thrown;
    private final List<String> publicPatterns;
    private final AntPathMatcher paths = new AntPathMatcher();
    /** Every code some operation documents, by name: the examples the components section must define. */
    private final Map<String, ErrorCode> documented = new ConcurrentHashMap<>();
    private final Map<String, ErrorCode> statusByCode = new ConcurrentHashMap<>();

    ProblemResponses(ThrownErrors thrown, List<String> publicPatterns) {
        this.thrown = thrown;
        this.publicPatterns = List.copyOf(publicPatterns);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ThrownErrors.Found found = thrown.of(handler.getMethod());
        Set<ErrorCode> codes = new LinkedHashSet<>(found.codes());
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || !parameters.isEmpty()) {
            codes.add(CommonErrors.VALIDATION_FAILED);
        }
        if (hasBody) {
            codes.add(CommonErrors.MALFORMED_REQUEST);
            codes.add(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().keySet().stream().anyMatch(t -> t.startsWith("multipart/"))) {
                codes.add(CommonErrors.PAYLOAD_TOO_LARGE);
            }
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            codes.add(CommonErrors.NOT_FOUND);
        }
        if (needsToken(handler)) {
            codes.add(CommonErrors.UNAUTHENTICATED);
            codes.add(CommonErrors.TOKEN_INVALID);
            codes.add(CommonErrors.FORBIDDEN);
        }
        if (found.writes()) {
            codes.add(CommonErrors.CONFLICT);
        }
        codes.add(CommonErrors.INTERNAL_ERROR);
        // The same catch-all that answers 500 answers 503 (with Retry-After) when the database is restarting or
        // unreachable, whichever operation was running: a client must expect it everywhere and may retry.
        codes.add(CommonErrors.DATABASE_UNAVAILABLE);

        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        for (ErrorCode code : codes) {
            remember(code);
            byStatus.computeIfAbsent(code.status().value(), s -> new ArrayList<>()).add(code);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (found.notModified()) {
            // Not an error, but a status a client must expect: a cached copy still current (ETag) has no body.
            responses.addApiResponse("304", new ApiResponse().description("未修改：与 If-None-Match 给出的 ETag 相同，无正文"));
        }
        byStatus.forEach((status, list) -> responses.addApiResponse(String.valueOf(status), response(status, list)));
        return operation.responses(responses);
    }

    /** Adds the problem schemas and one example per documented code. */
    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSchemas(FIELD_ERROR, fieldErrorSchema());
        components.addSchemas(PROBLEM, problemSchema());
        new TreeMap<>(documented).forEach((name, code) -> components.addExamples(name, example(code)));
    }

    /** The status a code answers with is part of the contract: a code declared in two features must agree. */
    private void remember(ErrorCode code) {
        documented.put(exampleName(code), code);
        ErrorCode earlier = statusByCode.putIfAbsent(code.name(), code);
        if (earlier != null && earlier.status() != code.status()) {
            throw new IllegalStateException("Error code " + code.name() + " answers " + earlier.status().value()
                    + " in " + earlier.getClass().getName() + " but " + code.status().value() + " in "
                    + code.getClass().getName() + ": clients tell errors apart by code, so one code has one status");
        }
    }

    /** Unique by construction: the feature's enum and the code ({@code EventErrors.EVENT_FULL}). */
    static String exampleName(ErrorCode code) {
        Class<?> type = code.getClass().isEnum() ? code.getClass() : code.getClass().getSuperclass();
        return type.getSimpleName() + "." + code.name();
    }

    private boolean needsToken(HandlerMethod handler) {
        return paths(handler).stream().anyMatch(path -> path.startsWith("/api/")
                && publicPatterns.stream().noneMatch(pattern -> paths.match(pattern, path)));
    }

    /** The handler's path templates: the class-level prefix joined with the method's own paths. */
    private static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        List<String> suffixes = method == null || method.path().length == 0 ? List.of("") : List.of(method.path());
        List<String> joined = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String suffix : suffixes) {
                joined.add(prefix + (suffix.isEmpty() || suffix.startsWith("/") ? suffix : "/" + suffix));
            }
        }
        return joined;
    }

    private static ApiResponse response(int status, Collection<ErrorCode> codes) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref(ref("schemas", PROBLEM)));
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            examples.put(exampleName(code), new Example().$ref(ref("examples", exampleName(code))));
        }
        problem.setExamples(examples);
        String description = DESCRIPTIONS.getOrDefault(status, HttpStatus.valueOf(status).getReasonPhrase());
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, problem));
    }

    private static Example example(ErrorCode code) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", TYPE_PREFIX + code.name().toLowerCase().replace('_', '-'));
        value.put("title", code.name());
        value.put("status", code.status().value());
        value.put("detail", code.message());
        value.put("code", code.name());
        if (code == CommonErrors.VALIDATION_FAILED) {
            value.put("errors", List.of(Map.of("field", "title", "message", "不能为空")));
        }
        return new Example().summary(code.message()).value(value);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new Schema<>().types(Set.of("string")).format("uri")
                .description("错误类型的地址，与 code 一一对应"));
        properties.put("title", new Schema<>().types(Set.of("string")).description("同 code"));
        properties.put("status", new Schema<>().types(Set.of("integer")).format("int32"));
        properties.put("detail", new Schema<>().types(Set.of("string")).description("可直接展示给用户的中文说明"));
        properties.put("instance", new Schema<>().types(Set.of("string")).format("uri-reference"));
        properties.put("code", new Schema<>().types(Set.of("string"))
                .description("稳定的错误码，客户端据此区分错误（如 EVENT_FULL）"));
        properties.put("errors", new Schema<>().types(Set.of("array"))
                .items(new Schema<>().$ref(ref("schemas", FIELD_ERROR)))
                .description("VALIDATION_FAILED 时逐个字段的问题"));
        Schema problem = new Schema<>().types(Set.of("object"))
                .description("RFC 9457 问题详情：所有错误应答的形状")
                .required(List.of("type", "title", "status", "detail", "code"));
        problem.setProperties(properties);
        return problem;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new Schema<>().types(Set.of("string")));
        properties.put("message", new Schema<>().types(Set.of("string")).description("中文说明"));
        Schema fieldError = new Schema<>().types(Set.of("object")).required(List.of("field", "message"))
                .additionalProperties(false);
        fieldError.setProperties(properties);
        return fieldError;
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }
}
