package cn.yunxi.kepu.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.path.PathType;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The OpenAPI document as a checker of real responses: the status must be documented for the operation that was
 * called, the content type must be one the operation declares, and a JSON body must validate against the schema
 * documented for that status (JSON Schema 2020-12, which OpenAPI 3.1 schemas are). Requests to {@code /api} that
 * match no documented operation (an unknown path, a method the path does not take) must answer with a problem
 * ({@code components/schemas/Problem}). Paths outside {@code /api} (the console's pages, the document itself,
 * actuator) and WeChat's callback are not part of the contract.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where the validator finds the document; never fetched: the registry is given its text. */
    private static final String DOCUMENT_IRI = "https://contract.kepu.test/openapi.json";
    private static final Pattern VARIABLE = Pattern.compile("\\{[^/}]+}");
    /**
     * WeChat's message push callback is hidden from the document on purpose: WeChat defines what it sends and
     * expects (signed XML or JSON, the text {@code success}), no client of ours is generated from it.
     */
    private static final List<String> NOT_OURS = List.of("/api/v1/wechat/push");

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int variables) {
    }

    public ApiContract(JsonNode document) {
        this.document = document;
        String text = JSON.writeValueAsString(document);
        // Locations as JSON pointers (/items/0/title): what a reader of the failure looks up in the body.
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)).schemaRegistryConfig(
                        SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        for (String path : document.path("paths").propertyNames()) {
            StringBuilder regex = new StringBuilder();
            Matcher variables = VARIABLE.matcher(path);
            int last = 0;
            int count = 0;
            while (variables.find()) {
                regex.append(Pattern.quote(path.substring(last, variables.start()))).append("[^/]+");
                last = variables.end();
                count++;
            }
            regex.append(Pattern.quote(path.substring(last)));
            templates.add(new Template(path, Pattern.compile(regex.toString()), count));
        }
        // Spring prefers the literal segment (/events/mine over /events/{id}): so does the lookup.
        templates.sort(Comparator.comparingInt(Template::variables));
    }

    /** What is wrong with this exchange by the contract; empty when nothing is. */
    public List<String> violations(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("\\?", 2)[0];
        if (!path.startsWith("/api/") || NOT_OURS.contains(path)) {
            return List.of();
        }
        String exchange = method + " " + path + " → " + status;
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            if (status < 400) {
                return List.of(exchange + ": no documented operation answers " + method + " " + path);
            }
            return validate(exchange, "#/components/schemas/Problem", body, contentType, "application/problem+json");
        }
        JsonNode response = operation.get().path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(exchange + ": status " + status + " is not documented for this operation (documented: "
                    + operation.get().path("responses").propertyNames() + ")");
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            return content.isMissingNode() || content.isEmpty() || status == 204 || "HEAD".equals(method)
                    ? List.of() : List.of(exchange + ": the document promises a body " + content.propertyNames()
                    + " but none came");
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of(exchange + ": a body came (" + contentType + ") but the document describes none");
        }
        String mediaType = withoutParameters(contentType);
        String documented = content.propertyNames().stream().filter(type -> withoutParameters(type).equals(mediaType))
                .findFirst().orElse(content.has("*/*") ? "*/*" : null);
        if (documented == null) {
            return List.of(exchange + ": content type " + contentType + " is not documented (documented: "
                    + content.propertyNames() + ")");
        }
        if (!isJson(mediaType)) {
            return List.of();
        }
        JsonNode schema = content.path(documented).path("schema");
        if (schema.isMissingNode()) {
            return List.of();
        }
        return validate(exchange, schema, body);
    }

    private List<String> validate(String exchange, String ref, String body, String contentType, String expectedType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!expectedType.equals(mediaType)) {
            return List.of(exchange + ": expected a problem (" + expectedType + "), got " + contentType + " " + body);
        }
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$ref", ref);
        return validate(exchange, schema, body);
    }

    private List<String> validate(String exchange, JsonNode schema, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of(exchange + ": the body is not JSON: " + body);
        }
        String key = schema.toString();
        Schema validator = compiled.computeIfAbsent(key, k -> registry.getSchema(pointingIntoDocument(schema)));
        List<String> found = new ArrayList<>();
        validator.validate(instance).forEach(error -> found.add(exchange + ": at " + pointer(error) + " "
                + error.getMessage() + "; the document says " + error.getKeyword() + ": " + error.getSchemaNode()
                + " (" + error.getSchemaLocation().toString().replace(DOCUMENT_IRI, "") + ")"));
        if (!found.isEmpty()) {
            found.add("    body: " + abbreviate(body));
        }
        return found;
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation().toString();
        return location.isEmpty() ? "/ (the whole body)" : location;
    }

    /** The operation's schema with its local references ({@code #/components/...}) made to point into the document. */
    private static JsonNode pointingIntoDocument(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        rewriteRefs(copy);
        return copy;
    }

    private static void rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith("#/")) {
                object.set("$ref", StringNode.valueOf(DOCUMENT_IRI + ref.asString()));
            }
            object.forEach(ApiContract::rewriteRefs);
        } else if (node.isArray()) {
            node.forEach(ApiContract::rewriteRefs);
        }
    }

    private Optional<JsonNode> operation(String method, String path) {
        for (Template template : templates) {
            if (template.pattern().matcher(path).matches()) {
                JsonNode operation = document.path("paths").path(template.path()).path(method.toLowerCase(Locale.ROOT));
                if (!operation.isMissingNode()) {
                    return Optional.of(operation);
                }
            }
        }
        return Optional.empty();
    }

    private static String withoutParameters(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String abbreviate(String body) {
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
    }
}
