package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface SignupMapper extends BaseMapper<Signup> {

    /**
     * Inserts a signup with static SQL. When an event opens, thousands of signups are inserted in a few
     * seconds; the generic insert evaluates a null check per column per row to build its statement.
     */
    @Insert("INSERT INTO event_signup (event_id, person_key, active_person_key, resident_id, status, waitlist_order, "
            + "proxy, proxied_by_type, proxied_by_id, name_cipher, name_masked, phone_cipher, phone_hash, phone_masked, "
            + "form_answers, region_code, population_group, created_at, confirmed_at, cancelled_at, cancel_reason) "
            + "VALUES (#{eventId}, #{personKey}, #{activePersonKey}, #{residentId}, #{status}, "
            + "COALESCE(#{waitlistOrder}, 0), COALESCE(#{proxy}, FALSE), #{proxiedByType}, #{proxiedById}, "
            + "#{nameCipher}, #{nameMasked}, #{phoneCipher}, #{phoneHash}, #{phoneMasked}, #{formAnswers}, "
            + "#{regionCode}, #{populationGroup}, #{createdAt}, #{confirmedAt}, #{cancelledAt}, #{cancelReason})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int place(Signup signup);

    @Select("SELECT * FROM event_signup WHERE event_id = #{eventId} AND active_person_key = #{personKey}")
    Signup active(@Param("eventId") long eventId, @Param("personKey") String personKey);

    /*
     * Waitlist order is (waitlist_order, id): new signups keep waitlist_order 0 and queue by arrival (the id, assigned
     * under the event lock); people whose seat was withdrawn by a capacity cut carry negative values, ahead of them.
     */

    /** Head of the waitlist; call with the event row locked. */
    @Select("SELECT * FROM event_signup WHERE event_id = #{eventId} AND status = 'WAITLISTED' "
            + "ORDER BY waitlist_order, id LIMIT #{limit} FOR UPDATE")
    List<Signup> waitlistHead(@Param("eventId") long eventId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM event_signup w JOIN event_signup me ON me.id = #{id} "
            + "WHERE w.event_id = #{eventId} AND w.status = 'WAITLISTED' AND (w.waitlist_order < me.waitlist_order "
            + "OR (w.waitlist_order = me.waitlist_order AND w.id <= me.id))")
    int waitlistPosition(@Param("eventId") long eventId, @Param("id") long signupId);

    /** The lowest sort key on the waitlist (0 when nobody is ahead of arrival order). */
    @Select("SELECT LEAST(0, COALESCE(MIN(waitlist_order), 0)) FROM event_signup "
            + "WHERE event_id = #{eventId} AND status = 'WAITLISTED'")
    long waitlistFront(@Param("eventId") long eventId);

    /**
     * The {@code limit} most recently confirmed signups that nobody has checked in for yet (those are present and
     * keep their seat), newest first; call with the event row locked.
     */
    @Select("SELECT * FROM event_signup s WHERE s.event_id = #{eventId} AND s.status = 'CONFIRMED' "
            + "AND NOT EXISTS (SELECT 1 FROM event_attendance a WHERE a.signup_id = s.id) "
            + "ORDER BY s.confirmed_at DESC, s.id DESC LIMIT #{limit} FOR UPDATE")
    List<Signup> latestConfirmedNotCheckedIn(@Param("eventId") long eventId, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM event_signup s WHERE s.event_id = #{eventId} AND s.status = 'CONFIRMED' "
            + "AND EXISTS (SELECT 1 FROM event_attendance a WHERE a.signup_id = s.id)")
    int confirmedCheckedIn(@Param("eventId") long eventId);

    /** A confirmed seat withdrawn: back on the waitlist at the given sort key. */
    @Update("UPDATE event_signup SET status = 'WAITLISTED', confirmed_at = NULL, waitlist_order = #{order} "
            + "WHERE id = #{id} AND status = 'CONFIRMED'")
    int demote(@Param("id") long id, @Param("order") long order);

    @Select("SELECT COUNT(*) FROM event_signup WHERE event_id = #{eventId} AND status = #{status}")
    int count(@Param("eventId") long eventId, @Param("status") String status);

    @Update("UPDATE event_signup SET status = 'CONFIRMED', confirmed_at = #{now} WHERE id = #{id} AND status = 'WAITLISTED'")
    int promote(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("UPDATE event_signup SET status = 'CANCELLED', active_person_key = NULL, cancelled_at = #{now}, "
            + "cancel_reason = #{reason} WHERE id = #{id} AND status = #{from}")
    int cancel(@Param("id") long id, @Param("from") String fromStatus, @Param("reason") String reason,
               @Param("now") LocalDateTime now);

    /** Event cancelled: every active signup ends. */
    @Update("UPDATE event_signup SET status = 'CANCELLED', active_person_key = NULL, cancelled_at = #{now}, "
            + "cancel_reason = 'EVENT_CANCELLED' WHERE event_id = #{eventId} AND status <> 'CANCELLED'")
    int cancelAll(@Param("eventId") long eventId, @Param("now") LocalDateTime now);

    /** A proxy signup becomes the resident's own once they prove the phone is theirs. */
    @Update("UPDATE event_signup SET resident_id = #{residentId}, person_key = #{personKey}, "
            + "active_person_key = CASE WHEN status = 'CANCELLED' THEN NULL ELSE #{personKey} END "
            + "WHERE id = #{id} AND resident_id IS NULL")
    int claim(@Param("id") long id, @Param("residentId") long residentId, @Param("personKey") String personKey);

    /** Signups not cancelled that one proxier made for this event. */
    @Select("SELECT COUNT(*) FROM event_signup WHERE event_id = #{eventId} AND proxied_by_type = #{type} "
            + "AND proxied_by_id = #{id} AND status <> 'CANCELLED'")
    int countProxiedBy(@Param("eventId") long eventId, @Param("type") String type, @Param("id") long id);

    @Select("SELECT * FROM event_signup WHERE phone_hash = #{phoneHash} AND resident_id IS NULL")
    List<Signup> unclaimed(@Param("phoneHash") String phoneHash);

    /**
     * Account deleted: personal data given at signup goes, the phone's lookup hash included (it would still tie the
     * row to the number); the anonymous row stays for statistics, its person key being the resident's.
     */
    @Update("UPDATE event_signup SET form_answers = NULL, name_cipher = NULL, phone_cipher = NULL, "
            + "name_masked = NULL, phone_masked = NULL, phone_hash = NULL WHERE resident_id = #{residentId}")
    int erase(@Param("residentId") long residentId);
}
