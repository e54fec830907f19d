package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.support.MutableClock;

class CheckinTokensTest {

    final MutableClock clock = new MutableClock(Zones.SHANGHAI);
    final CheckinTokens tokens = new CheckinTokens(new SecretKeySpec(new byte[32], "HmacSHA256"), clock);

    @Test
    void aVenueTokenIsTheSameWithinItsWindowAndValidForSixtySeconds() {
        clock.pin(Instant.ofEpochSecond(1_800_000_000L)); // a window boundary (divisible by 30)
        CheckinTokens.VenueToken token = tokens.venueToken(7, 9, CheckinTokens.Purpose.IN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.venueToken(7, 9, CheckinTokens.Purpose.IN).token()).isEqualTo(token.token());
        assertThat(tokens.verifyVenue(token.token())).isEqualTo(new CheckinTokens.VenueClaims(7, 9, CheckinTokens.Purpose.IN));

        clock.advance(Duration.ofSeconds(30)); // 59 s after the window opened
        assertThat(tokens.verifyVenue(token.token()).eventId()).isEqualTo(7);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verifyVenue(token.token()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(EventErrors.CHECKIN_TOKEN_EXPIRED));
    }

    @Test
    void aTokenFromTheFutureBeyondTheSkewIsRefused() {
        clock.pin(Instant.ofEpochSecond(1_800_000_000L));
        String token = tokens.venueToken(1, 2, CheckinTokens.Purpose.OUT).token();
        clock.pin(Instant.ofEpochSecond(1_800_000_000L - 10));
        assertThatThrownBy(() -> tokens.verifyVenue(token)).isInstanceOf(ApiException.class);
    }

    @Test
    void alteredOrForeignTokensAreRefused() {
        String token = tokens.venueToken(1, 2, CheckinTokens.Purpose.IN).token();
        String otherPurpose = token.replace(".IN.", ".OUT.");
        assertThatThrownBy(() -> tokens.verifyVenue(otherPurpose))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(EventErrors.CHECKIN_TOKEN_INVALID));
        CheckinTokens otherKey = new CheckinTokens(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "HmacSHA256"), clock);
        assertThatThrownBy(() -> otherKey.verifyVenue(token)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> tokens.verifyVenue(null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> tokens.verifyVenue("v1.a.b.IN.c.d")).isInstanceOf(ApiException.class);
    }

    @Test
    void ticketsAreBoundToTheirSignup() {
        String ticket = tokens.ticket(42);
        assertThat(tokens.verifyTicket(ticket)).isEqualTo(42);
        assertThatThrownBy(() -> tokens.verifyTicket(ticket.replace("t1.42.", "t1.43.")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(EventErrors.TICKET_INVALID));
        // A venue token is not a ticket and the other way round.
        assertThatThrownBy(() -> tokens.verifyVenue(ticket)).isInstanceOf(ApiException.class);
    }
}
