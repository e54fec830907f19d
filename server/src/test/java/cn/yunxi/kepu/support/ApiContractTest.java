package cn.yunxi.kepu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract check the integration tests' client runs on every response, tried on deliberately right and
 * wrong samples against a small document of the shape the application serves.
 */
class ApiContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "application/problem+json";
    private static final String VALID_PROBLEM = """
            {"type":"https://kepu.yunxi.gov.cn/problems/event-full","title":"EVENT_FULL","status":409,
             "detail":"名额已满，本活动不设候补","code":"EVENT_FULL","instance":"/api/v1/events/7/signups"}""";
    private static final String SIGNUP = """
            {"id":1,"status":"CONFIRMED","waitlistPosition":null,"ticket":"T1"}""";

    private static ApiContract contract;

    @BeforeAll
    static void readDocument() {
        contract = new ApiContract(JSON.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/api/v1/events/{id}/signups":{"post":{"responses":{
                    "201":{"description":"Created","content":{"*/*":{"schema":{"$ref":"#/components/schemas/SignupView"}}}},
                    "409":{"description":"冲突","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                  "/api/v1/events/mine":{"get":{"responses":{
                    "200":{"description":"OK","content":{"application/json":{"schema":{"type":"array","items":{"$ref":"#/components/schemas/SignupView"}}}}}}}},
                  "/api/v1/events/{id}":{"delete":{"responses":{"204":{"description":"No Content"}}}},
                  "/api/v1/feed.xml":{"get":{"responses":{
                    "200":{"description":"OK","content":{"application/rss+xml;charset=UTF-8":{"schema":{"type":"string"}}}},
                    "304":{"description":"未修改"}}}}},
                 "components":{"schemas":{
                  "SignupView":{"type":"object","additionalProperties":false,"required":["id","status","waitlistPosition","ticket"],
                    "properties":{"id":{"type":"integer","format":"int64"},"status":{"type":"string","enum":["CONFIRMED","WAITLISTED"]},
                      "waitlistPosition":{"type":["integer","null"]},"ticket":{"type":"string"}}},
                  "FieldError":{"type":"object","required":["field","message"],"properties":{"field":{"type":"string"},"message":{"type":"string"}}},
                  "Problem":{"type":"object","required":["type","title","status","detail","code"],
                    "properties":{"type":{"type":"string"},"title":{"type":"string"},"status":{"type":"integer"},
                      "detail":{"type":"string"},"instance":{"type":"string"},"code":{"type":"string"},
                      "errors":{"type":"array","items":{"$ref":"#/components/schemas/FieldError"}}}}}}}
                """));
    }

    @Test
    void aDocumentedStatusAndShapePasses() {
        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 201, "application/json", SIGNUP)).isEmpty();
        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 409, PROBLEM, VALID_PROBLEM)).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/events/mine?page=1", 200, "application/json",
                "[" + SIGNUP + "]")).isEmpty();
        assertThat(contract.violations("DELETE", "/api/v1/events/7", 204, null, "")).isEmpty();
    }

    @Test
    void mediaTypesCompareWithoutTheirParametersAndA304HasNoBody() {
        assertThat(contract.violations("GET", "/api/v1/feed.xml", 200, "application/rss+xml; charset=utf-8",
                "<rss/>")).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/feed.xml", 304, null, "")).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/feed.xml", 200, "application/json", "{}")).isNotEmpty();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 429, PROBLEM, VALID_PROBLEM))
                .singleElement().asString().contains("status 429 is not documented");
    }

    @Test
    void aBodyOfTheWrongShapeFails() {
        String missingField = "{\"id\":1,\"status\":\"CONFIRMED\",\"waitlistPosition\":null}";
        String wrongType = "{\"id\":\"1\",\"status\":\"CONFIRMED\",\"waitlistPosition\":null,\"ticket\":\"T1\"}";
        String unknownEnum = "{\"id\":1,\"status\":\"LOST\",\"waitlistPosition\":null,\"ticket\":\"T1\"}";
        String undocumentedField = "{\"id\":1,\"status\":\"CONFIRMED\",\"waitlistPosition\":null,\"ticket\":\"T1\","
                + "\"phone\":\"13800000000\"}";
        String nullWhereNotNullable = "{\"id\":1,\"status\":\"CONFIRMED\",\"waitlistPosition\":null,\"ticket\":null}";

        for (String wrong : new String[] {missingField, wrongType, unknownEnum, undocumentedField, nullWhereNotNullable}) {
            assertThat(contract.violations("POST", "/api/v1/events/7/signups", 201, "application/json", wrong))
                    .as(wrong).isNotEmpty();
        }
    }

    @Test
    void aViolationNamesTheExchangeAndTheJsonPointerOfTheWrongValue() {
        String nullTicket = "{\"id\":1,\"status\":\"CONFIRMED\",\"waitlistPosition\":null,\"ticket\":null}";

        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 201, "application/json", nullTicket))
                .first().asString().startsWith("POST /api/v1/events/7/signups → 201: at /ticket ")
                .contains("string").contains("#/components/schemas/SignupView");
    }

    @Test
    void aProblemWithoutItsCodeFails() {
        String noCode = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"冲突\"}";

        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 409, PROBLEM, noCode)).isNotEmpty();
    }

    @Test
    void anUndocumentedContentTypeOrAMissingBodyFails() {
        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 409, "text/html", "<p>冲突</p>"))
                .singleElement().asString().contains("content type text/html is not documented");
        assertThat(contract.violations("POST", "/api/v1/events/7/signups", 201, "application/json", ""))
                .singleElement().asString().contains("promises a body");
    }

    @Test
    void aPathOrMethodNobodyDocumentedMustAnswerWithAProblem() {
        assertThat(contract.violations("GET", "/api/v1/nowhere", 404, PROBLEM, VALID_PROBLEM)).isEmpty();
        assertThat(contract.violations("PUT", "/api/v1/events/7", 405, "text/plain", "Method Not Allowed")).isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/nowhere", 200, "application/json", "{}")).isNotEmpty();
    }

    @Test
    void pathsOutsideTheApiAreNotPartOfTheContract() {
        assertThat(contract.violations("GET", "/admin/index.html", 200, "text/html", "<html></html>")).isEmpty();
    }

    @Test
    void theLiteralPathWinsOverATemplate() {
        // /api/v1/events/mine has no POST, and /{id}/signups does not match it: nothing documented answers.
        assertThat(contract.violations("GET", "/api/v1/events/mine", 200, "application/json", "[]")).isEmpty();
    }

    /** The committed snapshot (equal to the live document, see OpenApiSnapshotIT) is a contract this check can use. */
    @Test
    void theCommittedDocumentLoadsAndChecksAProblem() throws IOException {
        JsonNode document = JSON.readTree(Files.readString(Path.of("api", "openapi.json"), StandardCharsets.UTF_8));
        ApiContract real = new ApiContract(document);
        ObjectNode unauthenticated = (ObjectNode) JSON.readTree(VALID_PROBLEM);
        unauthenticated.put("status", 401).put("code", "UNAUTHENTICATED").put("title", "UNAUTHENTICATED");

        assertThat(real.violations("GET", "/api/v1/me", 401, PROBLEM, JSON.writeValueAsString(unauthenticated)))
                .isEmpty();
        assertThat(real.violations("GET", "/api/v1/me", 200, "application/json", JSON.writeValueAsString(Map.of())))
                .isNotEmpty();
    }
}
