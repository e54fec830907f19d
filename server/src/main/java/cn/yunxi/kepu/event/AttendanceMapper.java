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

    @Update("UPDATE event_attendance SET check_out_at = #{at} WHERE id = #{id} AND check_out_at IS NULL")
    int checkOut(@Param("id") long id, @Param("at") LocalDateTime at);

    /** Settling happens once: the first caller (check-out, session end, finish) wins, the rest change nothing. */
    @Update("UPDATE event_attendance SET attended_minutes = #{minutes}, credited = #{credited}, hours = #{hours}, "
            + "settled_at = #{now} WHERE id = #{id} AND settled_at IS NULL")
    int settle(@Param("id") long id, @Param("minutes") int minutes, @Param("credited") boolean credited,
               @Param("hours") BigDecimal hours, @Param("now") LocalDateTime now);

    /** Unsettled attendance of sessions that have ended. */
    @Select("SELECT a.* FROM event_attendance a JOIN event_session s ON s.id = a.session_id "
            + "WHERE a.settled_at IS NULL AND s.ends_at <= #{now} ORDER BY a.id LIMIT #{limit}")
    List<Attendance> endedUnsettled(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @Select("SELECT * FROM event_attendance WHERE event_id = #{eventId} AND settled_at IS NULL")
    List<Attendance> unsettledOfEvent(@Param("eventId") long eventId);

    @Select("SELECT * FROM event_attendance WHERE event_id = #{eventId} ORDER BY session_id, id")
    List<Attendance> ofEvent(@Param("eventId") long eventId);
}
