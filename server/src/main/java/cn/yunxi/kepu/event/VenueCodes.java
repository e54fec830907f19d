package cn.yunxi.kepu.event;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventViews.VenueCodeView;

/**
 * What the organiser's phone shows full-screen at the venue: the rotating check-in token wrapped in a link under
 * {@code kepu.event.venue-link-prefix}, so that WeChat's own 扫一扫 opens the mini-program's check-in page (the
 * prefix is registered under 扫普通链接二维码打开小程序 in the mini-program's settings) as well as the in-app scan,
 * plus the live count of who is in.
 */
@Component
class VenueCodes {

    private final CheckinTokens tokens;
    private final AttendanceMapper attendance;
    private final String linkPrefix;
    private final Clock clock;

    VenueCodes(CheckinTokens tokens, AttendanceMapper attendance, Clock clock,
               @Value("${kepu.event.venue-link-prefix:https://kepu.yunxi.gov.cn/checkin}") String linkPrefix) {
        this.tokens = tokens;
        this.attendance = attendance;
        this.clock = clock;
        this.linkPrefix = linkPrefix;
    }

    VenueCodeView code(EventSnapshot event, long sessionId, CheckinTokens.Purpose purpose) {
        event.session(sessionId).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND));
        CheckinTokens.VenueToken t = tokens.venueToken(event.id(), sessionId, purpose);
        AttendanceMapper.SessionCount count = attendance.countSession(sessionId);
        return new VenueCodeView(t.token(), link(t.token()), t.issuedAt().atZone(clock.getZone()).toOffsetDateTime(),
                t.expiresAt().atZone(clock.getZone()).toOffsetDateTime(), t.refreshAfter().toSeconds(), sessionId,
                purpose, count.checkedIn(), count.checkedOut());
    }

    /** Tokens are made of URL-safe characters only (digits, letters, '.', '-', '_'), so no escaping is needed. */
    String link(String token) {
        return linkPrefix + "?t=" + token;
    }
}
