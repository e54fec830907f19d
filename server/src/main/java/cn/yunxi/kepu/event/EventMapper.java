package cn.yunxi.kepu.event;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface EventMapper extends BaseMapper<Event> {

    /*
     * Every statement that locks an event row goes by its primary key (FORCE INDEX): on a small table the
     * optimizer would otherwise take the (status, starts_at) index for "status = 'PUBLISHED'", lock that index
     * entry before the row, and deadlock with a transaction that locked the row first (SELECT ... FOR UPDATE).
     */

    /** The seat invariant: succeeds only while a seat is free on a published event. */
    @Update("UPDATE event FORCE INDEX (PRIMARY) SET taken = taken + 1 WHERE id = #{id} AND status = 'PUBLISHED' AND taken < capacity")
    int takeSeat(@Param("id") long id);

    /** Seats of a batch placed under the event lock; the condition is the same invariant. */
    @Update("UPDATE event FORCE INDEX (PRIMARY) SET taken = taken + #{n} WHERE id = #{id} AND status = 'PUBLISHED' AND taken + #{n} <= capacity")
    int takeSeats(@Param("id") long id, @Param("n") int n);

    @Update("UPDATE event SET taken = taken - 1 WHERE id = #{id} AND taken > 0")
    int releaseSeat(@Param("id") long id);

    /** Seats withdrawn by a capacity cut; called with the row locked, after the signups gave them up. */
    @Update("UPDATE event FORCE INDEX (PRIMARY) SET taken = taken - #{n} WHERE id = #{id} AND taken >= #{n}")
    int releaseSeats(@Param("id") long id, @Param("n") int n);

    /**
     * Serialises every seat change of one event (signup, cancellation, promotion, capacity change) on the event
     * row, so the waitlist is never left waiting while a seat is free.
     */
    @Select("SELECT * FROM event WHERE id = #{id} FOR UPDATE")
    Event lock(@Param("id") long id);

    @Update("UPDATE event FORCE INDEX (PRIMARY) SET status = #{to}, updated_at = #{now}, "
            + "published_at = CASE WHEN #{to} = 'PUBLISHED' THEN #{now} ELSE published_at END, "
            + "cancelled_at = CASE WHEN #{to} = 'CANCELLED' THEN #{now} ELSE cancelled_at END, "
            + "finished_at = CASE WHEN #{to} = 'FINISHED' THEN #{now} ELSE finished_at END "
            + "WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") long id, @Param("from") String from, @Param("to") String to,
                   @Param("now") LocalDateTime now);

    @Update("UPDATE event SET wxacode_key = #{key} WHERE id = #{id} AND wxacode_key IS NULL")
    int setWxacodeKey(@Param("id") long id, @Param("key") String key);
}
