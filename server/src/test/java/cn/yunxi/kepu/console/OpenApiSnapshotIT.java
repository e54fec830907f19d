package cn.yunxi.kepu.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code server/api/openapi.json} is the API contract the console's TypeScript types are generated from; it must be
 * what the application serves. When an endpoint changes, refresh it with
 * {@code ./mvnw -pl server verify -Dit.test=OpenApiSnapshotIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dkepu.openapi.refresh=true}
 * and commit the file with the change (the console build then type-checks its calls against it).
 */
@KepuIntegrationTest
class OpenApiSnapshotIT {

    static final Path SNAPSHOT = Path.of("api", "openapi.json");
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theCommittedSnapshotIsTheDocumentTheApplicationServes() throws IOException {
        JsonNode live = normalised(ApiClient.apiDocs(port));
        if (Boolean.getBoolean("kepu.openapi.refresh")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(SNAPSHOT).as("server/api/openapi.json is missing; " + HOW_TO_REFRESH).exists();
        JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));

        assertThat(committed).as(() -> "server/api/openapi.json differs from the live /v3/api-docs ("
                + differences(committed, live) + "). " + HOW_TO_REFRESH).isEqualTo(live);
    }

    @Test
    void everyReferenceResolvesAndEveryErrorIsAProblem() {
        JsonNode document = ApiClient.apiDocs(port);
        List<String> dangling = new ArrayList<>();
        collectRefs(document, "", document, dangling);
        assertThat(dangling).as("$refs that point nowhere").isEmpty();

        List<String> notProblems = new ArrayList<>();
        List<String> withoutSuccess = new ArrayList<>();
        for (String path : document.path("paths").propertyNames()) {
            for (String method : document.path("paths").path(path).propertyNames()) {
                JsonNode responses = document.path("paths").path(path).path(method).path("responses");
                if (responses.propertyNames().stream().noneMatch(status -> status.startsWith("2"))) {
                    withoutSuccess.add(method + " " + path);
                }
                for (String status : responses.propertyNames()) {
                    JsonNode content = responses.path(status).path("content");
                    if (status.matches("[45]\\d\\d") && !content.path("application/problem+json").path("schema")
                            .path("$ref").asString("").equals("#/components/schemas/Problem")) {
                        notProblems.add(method + " " + path + " " + status);
                    }
                }
            }
        }
        assertThat(withoutSuccess).as("operations without a documented success").isEmpty();
        assertThat(notProblems).as("error responses not documented as problem+json").isEmpty();
    }

    private static void collectRefs(JsonNode node, String at, JsonNode document, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()
                    && (!ref.asString().startsWith("#/") || document.at(ref.asString().substring(1)).isMissingNode())) {
                dangling.add(at + " → " + ref.asString());
            }
            for (String name : node.propertyNames()) {
                collectRefs(node.get(name), at + "/" + name, document, dangling);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectRefs(node.get(i), at + "/" + i, document, dangling);
            }
        }
    }

    static final String HOW_TO_REFRESH = "Refresh it with ./mvnw -pl server verify -Dit.test=OpenApiSnapshotIT "
            + "-Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dkepu.openapi.refresh=true and commit it.";

    /** The server URL holds the test's random port: not part of the contract. */
    private static JsonNode normalised(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    /** Names of the paths and schemas that were added, removed or changed, so the failure says where to look. */
    private static String differences(JsonNode committed, JsonNode live) {
        List<String> found = new ArrayList<>();
        for (String section : List.of("paths", "components/schemas")) {
            JsonNode before = committed.at("/" + section);
            JsonNode after = live.at("/" + section);
            Set<String> names = new TreeSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                if (!before.path(name).equals(after.path(name))) {
                    found.add(section + " " + name + (before.has(name) ? after.has(name) ? " changed" : " removed" : " added"));
                }
            }
        }
        return found.isEmpty() ? "elsewhere in the document" : String.join(", ", found);
    }
}
