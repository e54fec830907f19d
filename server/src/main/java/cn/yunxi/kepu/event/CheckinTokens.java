package cn.yunxi.kepu.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;

/**
 * Signed check-in tokens. A venue token names an event session and a purpose (check in / check out) and the
 * 30-second window it was issued in; every instance derives the same token for the same window, and a token
 * is accepted for {@link #VALIDITY} after its window opened, so a forwarded screenshot soon stops working.
 * A ticket token is bound to one signup and is what the organiser scans for residents who cannot scan.
 * The HMAC key is derived from the access-token signing key (KEPU_TOKEN_SECRET), under its own label.
 */
@Component
class CheckinTokens {

    static final Duration ROTATION = Duration.ofSeconds(30);
    static final Duration VALIDITY = Duration.ofSeconds(60);
    /** Tolerated skew between instances' clocks. */
    static final Duration SKEW = Duration.ofSeconds(5);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;

    CheckinTokens(SecretKey tokenSigningKey, Clock clock) {
        this.key = hmac(tokenSigningKey.getEncoded(), "kepu-event-checkin-v1".getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    enum Purpose {
        IN, OUT
    }

    record VenueToken(String token, Instant issuedAt, Instant expiresAt, Duration refreshAfter) {
    }

    record VenueClaims(long eventId, long sessionId, Purpose purpose) {
    }

    VenueToken venueToken(long eventId, long sessionId, Purpose purpose) {
        long now = clock.instant().getEpochSecond();
        long window = now - Math.floorMod(now, ROTATION.getSeconds());
        String body = "v1." + eventId + "." + sessionId + "." + purpose.name() + "." + window;
        Instant issued = Instant.ofEpochSecond(window);
        return new VenueToken(body + "." + sign(body), issued, issued.plus(VALIDITY),
                Duration.ofSeconds(window + ROTATION.getSeconds() - now));
    }

    VenueClaims verifyVenue(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 6 || !"v1".equals(parts[0])) {
            throw new ApiException(EventErrors.CHECKIN_TOKEN_INVALID);
        }
        String body = String.join(".", parts[0], parts[1], parts[2], parts[3], parts[4]);
        if (!constantTimeEquals(sign(body), parts[5])) {
            throw new ApiException(EventErrors.CHECKIN_TOKEN_INVALID);
        }
        try {
            long eventId = Long.parseLong(parts[1]);
            long sessionId = Long.parseLong(parts[2]);
            Purpose purpose = Purpose.valueOf(parts[3]);
            long issued = Long.parseLong(parts[4]);
            long now = clock.instant().getEpochSecond();
            if (issued > now + SKEW.getSeconds() || now - issued >= VALIDITY.getSeconds()) {
                throw new ApiException(EventErrors.CHECKIN_TOKEN_EXPIRED);
            }
            return new VenueClaims(eventId, sessionId, purpose);
        } catch (IllegalArgumentException e) {
            throw new ApiException(EventErrors.CHECKIN_TOKEN_INVALID);
        }
    }

    String ticket(long signupId) {
        String body = "t1." + signupId;
        return body + "." + sign(body);
    }

    long verifyTicket(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !"t1".equals(parts[0])) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
        if (!constantTimeEquals(sign(parts[0] + "." + parts[1]), parts[2])) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
        try {
            return Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new ApiException(EventErrors.TICKET_INVALID);
        }
    }

    private String sign(String body) {
        return B64.encodeToString(hmac(key, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
