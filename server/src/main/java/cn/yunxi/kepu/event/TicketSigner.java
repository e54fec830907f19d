package cn.yunxi.kepu.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Ed25519-signed tickets, which an organiser's phone can verify with no network:
 * {@code t2.<event>.<session ids joined by '-'>.<signup>.<person pseudonym>.<expires, epoch s>.<key id>.<signature>},
 * the signature (base64url) covering the text before the last dot.
 * <p>
 * The key: {@code kepu.event.ticket-signing-key} (a base64 32-byte Ed25519 seed) when the deployment sets one;
 * otherwise the seed is derived from the access-token secret (KEPU_TOKEN_SECRET) under its own label, as the
 * check-in HMAC key is, so every instance signs with the same key and no new secret has to be kept. Public keys
 * listed in {@code kepu.event.ticket-previous-keys} (base64url raw keys) still verify, so tickets signed before a
 * rotation keep working until they expire.
 */
@Component
class TicketSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** @param publicKey the raw 32-byte Ed25519 public key, base64url without padding */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TicketKeyView")
    record KeyView(String kid, String algorithm, String publicKey) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "TicketKeysView")
    record KeysView(List<KeyView> keys) {
    }

    record Claims(long eventId, List<Long> sessionIds, long signupId, Instant expiresAt) {
    }

    private final byte[] seed;
    /** Our raw public key, handed to the signer so it is not derived again for every ticket. */
    private final byte[] publicRaw;
    private final String kid;
    private final Map<String, PublicKey> verifiers = new LinkedHashMap<>();
    private final List<KeyView> published = new ArrayList<>();
    private final Duration settleGrace;
    private final Clock clock;

    TicketSigner(SecretKey tokenSigningKey, Clock clock,
                 @Value("${kepu.event.ticket-signing-key:}") String configuredSeed,
                 @Value("${kepu.event.ticket-previous-keys:}") List<String> previousKeys,
                 @Value("${kepu.event.settle-grace:PT12H}") Duration settleGrace) {
        this.clock = clock;
        this.settleGrace = settleGrace;
        this.seed = configuredSeed == null || configuredSeed.isBlank()
                ? hmac(tokenSigningKey.getEncoded(), "kepu-event-ticket-ed25519-v1")
                : Base64.getDecoder().decode(configuredSeed.strip());
        if (seed.length != 32) {
            throw new IllegalStateException("kepu.event.ticket-signing-key must be 32 bytes (base64)");
        }
        KeyPair pair = fromSeed(seed);
        byte[] raw = raw(pair.getPublic());
        this.publicRaw = raw;
        this.kid = kidOf(raw);
        verifiers.put(kid, pair.getPublic());
        published.add(new KeyView(kid, "Ed25519", B64.encodeToString(raw)));
        for (String previous : previousKeys == null ? List.<String>of() : previousKeys) {
            if (!previous.isBlank()) {
                byte[] old = B64_DECODE.decode(previous.strip());
                verifiers.putIfAbsent(kidOf(old), publicKey(old));
                published.add(new KeyView(kidOf(old), "Ed25519", B64.encodeToString(old)));
            }
        }
    }

    /** The keys an organiser's phone downloads: the current one first. */
    List<KeyView> keys() {
        return List.copyOf(published);
    }

    String currentKeyId() {
        return kid;
    }

    /** The signed ticket of a confirmed signup; valid until settlement of the event's last session. */
    String sign(Signup signup, EventSnapshot event) {
        String sessions = event.sessions().stream().map(s -> String.valueOf(s.getId())).collect(Collectors.joining("-"));
        long expires = event.lastEnd().plus(settleGrace).atZone(Zones.SHANGHAI).toEpochSecond();
        String body = String.join(".", "t2", String.valueOf(event.id()), sessions.isEmpty() ? "0" : sessions,
                String.valueOf(signup.getId()), pseudonym(signup.getPersonKey()), String.valueOf(expires), kid);
        // Bouncy Castle's RFC 8032 signer, not the JDK's: a signup's answer carries a fresh ticket, and the JDK's
        // Ed25519 (no precomputed tables, an inversion per signature) was the largest CPU cost of a signup. Ed25519
        // is deterministic, so both give the same signature byte for byte (TicketSignerTest checks it).
        byte[] message = body.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicRaw, 0, message, 0, message.length, signature, 0);
        return body + "." + B64.encodeToString(signature);
    }

    /** The signup a scanned ticket names: a signed t2 ticket, or an older t1 one (HMAC, checked by the server only). */
    long signupId(String ticket, CheckinTokens legacy) {
        return ticket != null && ticket.startsWith("t2.") ? verify(ticket).signupId() : legacy.verifyTicket(ticket);
    }

    /** The claims of a genuine, unexpired t2 ticket; anything else is TICKET_INVALID. */
    Claims verify(String ticket) {
        String[] parts = ticket == null ? new String[0] : ticket.split("\\.");
        if (parts.length != 8 || !"t2".equals(parts[0])) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
        PublicKey key = verifiers.get(parts[6]);
        if (key == null || !signatureHolds(key, String.join(".", Arrays.copyOf(parts, 7)), parts[7])) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[5]));
            if (!clock.instant().isBefore(expires)) {
                throw new ApiException(EventErrors.TICKET_INVALID, "凭证已过期");
            }
            List<Long> sessions = Arrays.stream(parts[2].split("-")).map(Long::parseLong).toList();
            return new Claims(Long.parseLong(parts[1]), sessions, Long.parseLong(parts[3]), expires);
        } catch (NumberFormatException e) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
    }

    private static boolean signatureHolds(PublicKey key, String body, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(B64_DECODE.decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A stable stand-in for the person (never the phone hash or resident id itself). */
    private String pseudonym(String personKey) {
        byte[] mac = hmac(seed, "person:" + personKey);
        return B64.encodeToString(Arrays.copyOf(mac, 9));
    }

    /**
     * The key pair of a seed. The JDK has no public "key from seed" call for EdDSA, but its generator draws exactly
     * the 32-byte private key from the random source it is given (RFC 8032 5.1.5), so a source yielding the seed
     * gives the pair deterministically.
     */
    static KeyPair fromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kidOf(byte[] raw) {
        try {
            return B64.encodeToString(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(raw), 6));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
