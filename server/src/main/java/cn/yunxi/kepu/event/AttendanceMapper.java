package cn.yunxi.kepu.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface AttendanceMapper extends BaseMapper<Attendance> {

    @Select("SELECT * FROM event_attendance WHERE signup_id = #{signupId} AND session_id = #{sessionId}")
    Attendance find(@Param("signupId") long signupId, @Param("sessionId") long sessionId);

    /** The first check-out counts; none is taken once the record is settled. */
    @Update("UPDATE event_attendance SET check_out_at = #{at}, check_out_method = #{method} "
            + "WHERE id = #{id} AND check_out_at IS NULL AND settled_at IS NULL")
    int checkOut(@Param("id") long id, @Param("at") LocalDateTime at, @Param("method") String method);

    /** Two phones saw the same person come in: the earlier time stands, as long as nothing is settled. */
    @Update("UPDATE event_attendance SET check_in_at = #{at} WHERE id = #{id} AND check_in_at > #{at} "
            + "AND settled_at IS NULL")
    int moveCheckInEarlier(@Param("id") long id, @Param("at") LocalDateTime at);

    /** An organiser (or a verified position, with no staff id) vouches for an unverified check-in, before settling. */
    @Update("UPDATE event_attendance SET presence_confirmed = TRUE, confirmed_by = #{staffId} "
            + "WHERE id = #{id} AND presence_confirmed = FALSE AND settled_at IS NULL")
    int confirmPresence(@Param("id") long id, @Param("staffId") Long staffId);

    /** Settling happens once: the first caller (check-out, session end, finish) wins, the rest change nothing. */
    @Update("UPDATE event_attendance SET attended_minutes = #{minutes}, credited = #{credited}, hours = #{hours}, "
            + "settled_at = #{now} WHERE id = #{id} AND settled_at IS NULL")
    int settle(@Param("id") long id, @Param("minutes") int minutes, @Param("credited") boolean credited,
               @Param("hours") BigDecimal hours, @Param("now") LocalDateTime now);

    /** Unsettled attendance of sessions that ended at or before {@code endedBy}. */
    @Select("SELECT a.* FROM event_attendance a JOIN event_session s ON s.id = a.session_id "
            + "WHERE a.settled_at IS NULL AND s.ends_at <= #{endedBy} ORDER BY a.id LIMIT #{limit}")
    List<Attendance> endedUnsettled(@Param("endedBy") LocalDateTime endedBy, @Param("limit") int limit);

    @Select("SELECT * FROM event_attendance WHERE event_id = #{eventId} AND settled_at IS NULL")
    List<Attendance> unsettledOfEvent(@Param("eventId") long eventId);

    @Select("SELECT * FROM event_attendance WHERE signup_id = #{signupId} ORDER BY session_id")
    List<Attendance> ofSignup(@Param("signupId") long signupId);

    @Select("SELECT * FROM event_attendance WHERE event_id = #{eventId} ORDER BY session_id, id")
    List<Attendance> ofEvent(@Param("eventId") long eventId);

    /** How many are in (and how many of them out) for a session: the venue screen's live count. */
    @Select("SELECT COUNT(*) AS checkedIn, COUNT(check_out_at) AS checkedOut FROM event_attendance "
            + "WHERE session_id = #{sessionId}")
    SessionCount countSession(@Param("sessionId") long sessionId);

    record SessionCount(int checkedIn, int checkedOut) {
    }
}
