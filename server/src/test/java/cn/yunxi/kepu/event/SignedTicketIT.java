package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Ed25519-signed tickets: the resident's ticket verifies with the public key organisers download, a tampered one
 * does not (on the phone or at the server), and the server takes signed tickets scanned live or synced offline.
 */
@KepuIntegrationTest
class SignedTicketIT {

    static final OffsetDateTime START = LocalDateTime.of(2025, 9, 8, 9, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;
    long eventId;
    long sessionId;
    String organiser;

    @BeforeEach
    void setUp() {
        clock.pin(START.minusMinutes(5).toInstant());
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        long luCheng = EventFixtures.unitId(api, admin, "陆城镇");
        String townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng);
        JsonNode event = published(api, townAdmin, event().set("signupOpensAt", START.minusDays(2).toString())
                .singleSession(START, Duration.ofMinutes(40)));
        eventId = event.path("id").asLong();
        sessionId = event.path("sessions").get(0).path("id").asLong();
        EventFixtures.StaffAccount account = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
        organiser = Logins.residentToken(api);
        assertThat(api.post("/api/v1/organiser/binding", organiser, ApiClient.json(Map.of(
                "username", account.username(), "password", account.password()))).status()).isEqualTo(201);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String residentTicket() {
        String resident = Logins.residentToken(api);
        assertThat(signup(api, resident, eventId).status()).isEqualTo(201);
        return api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
    }

    private static boolean verifies(String ticket, String publicKey) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(TicketSigner.publicKey(Base64.getUrlDecoder().decode(publicKey)));
        verifier.update(ticket.substring(0, ticket.lastIndexOf('.')).getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getUrlDecoder().decode(ticket.substring(ticket.lastIndexOf('.') + 1)));
    }

    @Test
    void theTicketVerifiesWithThePublicKeyFromTheEndpointAndATamperedOneDoesNot() throws Exception {
        String ticket = residentTicket();
        String[] parts = ticket.split("\\.");
        assertThat(parts).hasSize(8);
        assertThat(parts[0]).isEqualTo("t2");
        assertThat(parts[1]).isEqualTo(String.valueOf(eventId));
        assertThat(parts[2]).isEqualTo(String.valueOf(sessionId));
        // valid until the attendance of the last session is settled (its end + 12 h)
        assertThat(Long.parseLong(parts[5])).isEqualTo(START.plusMinutes(40).plusHours(12).toEpochSecond());

        JsonNode keys = api.get("/api/v1/organiser/ticket-keys", organiser).json().path("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(keys.get(0).path("kid").asString()).isEqualTo(parts[6]);
        String publicKey = keys.get(0).path("publicKey").asString();
        assertThat(verifies(ticket, publicKey)).isTrue();

        String otherSignup = ticket.replace("." + parts[3] + "." + parts[4] + ".", "." + (Long.parseLong(parts[3]) + 1)
                + "." + parts[4] + ".");
        String longerLife = ticket.replace("." + parts[5] + ".", "." + (Long.parseLong(parts[5]) + 86400) + ".");
        assertThat(verifies(otherSignup, publicKey)).isFalse();
        assertThat(verifies(longerLife, publicKey)).isFalse();

        String scan = "/api/v1/organiser/events/" + eventId + "/tickets";
        assertProblem(api.post(scan, organiser, ApiClient.json(Map.of("ticket", otherSignup))), 400, "TICKET_INVALID");
        assertProblem(api.post(scan, organiser, ApiClient.json(Map.of("ticket", longerLife))), 400, "TICKET_INVALID");
        ApiClient.Response good = api.post(scan, organiser, ApiClient.json(Map.of("ticket", ticket)));
        assertThat(good.status()).as(good.toString()).isEqualTo(200);
        assertThat(good.json().path("signupId").asLong()).isEqualTo(Long.parseLong(parts[3]));
    }

    @Test
    void aSignedTicketQueuedOfflineSyncsOnceAndAnExpiredOneIsRefused() {
        String ticket = residentTicket();
        Map<String, Object> op = Map.of("opId", UUID.randomUUID().toString(), "kind", "TICKET", "ticket", ticket,
                "sessionId", sessionId, "purpose", "IN", "at", START.plusMinutes(3).toString());
        // within the organiser's 30-minute access token
        clock.pin(START.plusMinutes(20).toInstant());
        String sync = "/api/v1/organiser/events/" + eventId + "/sync";
        ApiClient.Response synced = api.post(sync, organiser, ApiClient.json(Map.of("ops", List.of(op))));
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        JsonNode first = synced.json();
        assertThat(first.get(0).path("outcome").asString()).as(first.toString()).isEqualTo("APPLIED");
        JsonNode again = api.post(sync, organiser, ApiClient.json(Map.of("ops", List.of(op)))).json();
        assertThat(again.get(0).path("duplicate").asBoolean()).isTrue();

        clock.pin(START.plusMinutes(40).plusHours(12).plusSeconds(1).toInstant());
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/checkins/ticket", Logins.districtAdminToken(api),
                ApiClient.json(Map.of("ticket", ticket))), 400, "TICKET_INVALID");
    }

    @Test
    void onlyBoundOrganisersGetTheKeys() {
        assertProblem(api.get("/api/v1/organiser/ticket-keys", Logins.residentToken(api)), 403, "NOT_AN_ORGANISER");
        assertThat(api.get("/api/v1/organiser/ticket-keys", null).status()).isEqualTo(401);
    }
}
