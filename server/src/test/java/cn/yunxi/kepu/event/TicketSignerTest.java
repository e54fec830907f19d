package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ed25519 tickets. Ed25519 signatures are deterministic, so a fixed seed gives a fixed ticket: the mini-program's
 * jest test verifies that very ticket (miniprogram/test/fixtures/server-signed-ticket.json) with the phone's own
 * verifier, and this test checks the server still signs exactly it.
 */
class TicketSignerTest {

    static final String SEED = Base64.getEncoder().encodeToString("kepu-ticket-test-seed-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
    static final Path FIXTURE = Path.of("../miniprogram/test/fixtures/server-signed-ticket.json");
    static final LocalDateTime START = LocalDateTime.of(2026, 11, 29, 9, 0);

    final Clock clock = Clock.fixed(START.atZone(Zones.SHANGHAI).toInstant(), Zones.SHANGHAI);

    TicketSigner signer(String seed, List<String> previous) {
        return new TicketSigner(new SecretKeySpec(new byte[32], "HmacSHA256"), clock, seed, previous, Duration.ofHours(12));
    }

    static EventSnapshot event() {
        Event e = new Event();
        e.setId(7L);
        e.setStatus("PUBLISHED");
        e.setKind("TRAINING");
        EventSession first = session(501, START);
        EventSession second = session(502, START.plusDays(1));
        e.setStartsAt(first.getStartsAt());
        e.setEndsAt(second.getEndsAt());
        return EventSnapshot.of(e, List.of(first, second), "陆城镇");
    }

    static EventSession session(long id, LocalDateTime start) {
        EventSession s = new EventSession();
        s.setId(id);
        s.setEventId(7L);
        s.setStartsAt(start);
        s.setEndsAt(start.plusHours(2));
        return s;
    }

    static Signup signup(long id, String personKey) {
        Signup s = new Signup();
        s.setId(id);
        s.setEventId(7L);
        s.setPersonKey(personKey);
        return s;
    }

    @Test
    void signsTheFixtureThePhoneVerifiesAndTheSignatureHoldsWithThePublishedKey() throws Exception {
        TicketSigner signer = signer(SEED, List.of());
        String ticket = signer.sign(signup(31, "R:1001"), event());
        JsonNode fixture = JsonMapper.builder().build().readTree(Files.readString(FIXTURE));
        assertThat(ticket).isEqualTo(fixture.path("ticket").asString());
        assertThat(signer.keys()).hasSize(1);
        assertThat(signer.keys().get(0).publicKey()).isEqualTo(fixture.path("keys").get(0).path("publicKey").asString());
        assertThat(signer.keys().get(0).kid()).isEqualTo(fixture.path("keys").get(0).path("kid").asString());

        // the fields the phone reads: event, sessions, signup, pseudonym, expiry (last session end + 12 h), key id
        String[] parts = ticket.split("\\.");
        assertThat(parts).hasSize(8);
        assertThat(parts[1]).isEqualTo("7");
        assertThat(parts[2]).isEqualTo("501-502");
        assertThat(parts[3]).isEqualTo("31");
        assertThat(parts[4]).doesNotContain("1001");
        assertThat(Instant.ofEpochSecond(Long.parseLong(parts[5])))
                .isEqualTo(START.plusDays(1).plusHours(14).atZone(Zones.SHANGHAI).toInstant());

        // plain JDK verification with the published raw key
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(TicketSigner.publicKey(Base64.getUrlDecoder().decode(signer.keys().get(0).publicKey())));
        verifier.update(ticket.substring(0, ticket.lastIndexOf('.')).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[7]))).isTrue();
        assertThat(signer.verify(ticket).signupId()).isEqualTo(31);
    }

    @Test
    void everySignatureIsTheOneTheJdkSignerGivesForTheSameKey() throws Exception {
        TicketSigner signer = signer(SEED, List.of());
        java.security.PrivateKey jdkKey = TicketSigner.fromSeed(Base64.getDecoder().decode(SEED)).getPrivate();
        for (long id = 1; id <= 200; id++) {
            String ticket = signer.sign(signup(id * 7919, id % 3 == 0 ? "P:" + Long.toHexString(id * 31) : "R:" + id), event());
            String body = ticket.substring(0, ticket.lastIndexOf('.'));
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(jdkKey);
            jdk.update(body.getBytes(StandardCharsets.UTF_8));
            assertThat(ticket.substring(ticket.lastIndexOf('.') + 1))
                    .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign()));
            assertThat(signer.verify(ticket).signupId()).isEqualTo(id * 7919);
        }
    }

    @Test
    void aTamperedTicketOrAnotherKeysTicketIsRefused() {
        TicketSigner signer = signer(SEED, List.of());
        String ticket = signer.sign(signup(31, "R:1001"), event());
        assertThatThrownBy(() -> signer.verify(ticket.replace(".31.", ".32.")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(EventErrors.TICKET_INVALID));
        String foreign = signer(null, List.of()).sign(signup(31, "R:1001"), event());
        assertThatThrownBy(() -> signer.verify(foreign)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> signer.verify("t2.7.501.31.x.1.k.sig")).isInstanceOf(ApiException.class);
    }

    @Test
    void theSamePersonHasTheSamePseudonymAndDifferentPeopleDoNot() {
        TicketSigner signer = signer(SEED, List.of());
        String a = signer.sign(signup(31, "R:1001"), event()).split("\\.")[4];
        String again = signer.sign(signup(40, "R:1001"), event()).split("\\.")[4];
        String other = signer.sign(signup(32, "R:1002"), event()).split("\\.")[4];
        assertThat(a).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void afterRotationYesterdaysTicketsStillVerifyWithThePreviousKey() {
        TicketSigner before = signer(SEED, List.of());
        String yesterdays = before.sign(signup(31, "R:1001"), event());
        TicketSigner after = signer(null, List.of(before.keys().get(0).publicKey()));
        assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        assertThat(after.keys()).extracting(TicketSigner.KeyView::kid)
                .containsExactly(after.currentKeyId(), before.currentKeyId());
        assertThat(after.verify(yesterdays).signupId()).isEqualTo(31);
    }

    @Test
    void anExpiredTicketIsRefused() {
        String ticket = signer(SEED, List.of()).sign(signup(31, "R:1001"), event());
        TicketSigner later = new TicketSigner(new SecretKeySpec(new byte[32], "HmacSHA256"),
                Clock.fixed(START.plusDays(2).atZone(Zones.SHANGHAI).toInstant(), Zones.SHANGHAI), SEED, List.of(),
                Duration.ofHours(12));
        assertThatThrownBy(() -> later.verify(ticket))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("凭证已过期"));
    }
}
