package cn.yunxi.kepu.event;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.event.EventViews.VenueCount;

/**
 * The live numbers on the venue screen beside the check-in code: who has checked in (and out) of one session. The
 * screen polls every few seconds, so this is one count on the (event, session) index rather than the whole roster.
 */
@Repository
class VenueCountRepository {

    private final JdbcClient jdbc;

    VenueCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    VenueCount count(EventSnapshot event, long sessionId) {
        event.session(sessionId).orElseThrow(() -> new ApiException(EventErrors.SESSION_NOT_FOUND));
        return jdbc.sql("""
                        SELECT COUNT(*) AS checked_in, COUNT(check_out_at) AS checked_out,
                               (SELECT COUNT(*) FROM event_signup WHERE event_id = ? AND status = 'CONFIRMED') AS confirmed
                        FROM event_attendance WHERE event_id = ? AND session_id = ?
                        """)
                .params(event.id(), event.id(), sessionId)
                .query((rs, n) -> new VenueCount(sessionId, rs.getInt("checked_in"), rs.getInt("checked_out"),
                        rs.getInt("confirmed")))
                .single();
    }
}
