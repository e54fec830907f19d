package cn.yunxi.kepu.event;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface NoticeMapper extends BaseMapper<Notice> {

    /** Scheduling the same notice twice (a retried request, two instances) leaves one row. */
    @Insert("INSERT IGNORE INTO event_notice (event_id, signup_id, resident_id, kind, dedupe_key, template, due_at, "
            + "status, attempts, created_at) VALUES (#{n.eventId}, #{n.signupId}, #{n.residentId}, #{n.kind}, "
            + "#{n.dedupeKey}, #{n.template}, #{n.dueAt}, 'PENDING', 0, #{n.createdAt})")
    int schedule(@Param("n") Notice notice);

    /**
     * Creates the reminder {@code kind} for every confirmed signup of events starting within {@code before} of
     * now, for signups confirmed before the reminder's moment (someone who signs up 3 h before the start gets the
     * 2 h reminder only). The start time is part of the key, so a rescheduled event gets new reminders.
     */
    @Insert("INSERT IGNORE INTO event_notice (event_id, signup_id, resident_id, kind, dedupe_key, template, due_at, "
            + "status, attempts, created_at) "
            + "SELECT s.event_id, s.id, s.resident_id, #{kind}, CONCAT('start:', DATE_FORMAT(e.starts_at, '%Y-%m-%dT%H:%i')), "
            + "'REMINDER', e.starts_at - INTERVAL #{hours} HOUR, 'PENDING', 0, #{now} "
            + "FROM event e JOIN event_signup s ON s.event_id = e.id "
            + "WHERE e.status = 'PUBLISHED' AND e.starts_at > #{now} AND e.starts_at <= #{now} + INTERVAL #{hours} HOUR "
            + "AND s.status = 'CONFIRMED' AND s.resident_id IS NOT NULL "
            + "AND s.confirmed_at <= e.starts_at - INTERVAL #{hours} HOUR")
    int generateReminders(@Param("kind") String kind, @Param("hours") int hours, @Param("now") LocalDateTime now);

    /** A reminder still applies when its signup is confirmed and the event still starts at the time it names. */
    @Select("SELECT COUNT(*) FROM event_notice n JOIN event_signup s ON s.id = n.signup_id JOIN event e ON e.id = n.event_id "
            + "WHERE n.id = #{id} AND s.status = 'CONFIRMED' AND e.status = 'PUBLISHED' "
            + "AND n.dedupe_key = CONCAT('start:', DATE_FORMAT(e.starts_at, '%Y-%m-%dT%H:%i'))")
    int reminderStillApplies(@Param("id") long noticeId);

    /**
     * Claims due notices of the templates this instance can send; a notice is claimed by one sender only. An
     * instance without template ids configured claims nothing, so it never disturbs the others.
     */
    @Update("<script>UPDATE event_notice SET status = 'SENDING', claim_token = #{token}, claimed_at = #{now}, "
            + "attempts = attempts + 1 WHERE status = 'PENDING' AND due_at &lt;= #{now} AND template IN "
            + "<foreach collection='templates' item='t' open='(' separator=',' close=')'>#{t}</foreach> "
            + "ORDER BY due_at LIMIT #{limit}</script>")
    int claim(@Param("token") String token, @Param("now") LocalDateTime now, @Param("limit") int limit,
              @Param("templates") java.util.Collection<String> templates);

    /** Notices that could not go out within a day of being due are no longer worth sending. */
    @Update("UPDATE event_notice SET status = 'SKIPPED' WHERE status = 'PENDING' AND due_at < #{before}")
    int expire(@Param("before") LocalDateTime before);

    @Select("SELECT * FROM event_notice WHERE claim_token = #{token} AND status = 'SENDING'")
    List<Notice> claimed(@Param("token") String token);

    @Update("UPDATE event_notice SET status = #{status}, sent_at = #{now}, error_code = #{errorCode} "
            + "WHERE id = #{id} AND status = 'SENDING' AND claim_token = #{token}")
    int finish(@Param("id") long id, @Param("token") String token, @Param("status") String status,
               @Param("errorCode") Integer errorCode, @Param("now") LocalDateTime now);

    /** WeChat said it did not send (busy): back in the queue, later. */
    @Update("UPDATE event_notice SET status = 'PENDING', due_at = #{retryAt}, claim_token = NULL, error_code = #{errorCode} "
            + "WHERE id = #{id} AND status = 'SENDING' AND claim_token = #{token}")
    int retryLater(@Param("id") long id, @Param("token") String token, @Param("errorCode") Integer errorCode,
                   @Param("retryAt") LocalDateTime retryAt);

    /** A sender died between claim and outcome: we cannot know whether WeChat sent it, so it is never resent. */
    @Update("UPDATE event_notice SET status = 'UNKNOWN' WHERE status = 'SENDING' AND claimed_at < #{before}")
    int abandonStale(@Param("before") LocalDateTime before);

    @Insert("INSERT INTO subscribe_quota (resident_id, template, remaining, updated_at) VALUES (#{residentId}, "
            + "#{template}, 1, #{now}) ON DUPLICATE KEY UPDATE remaining = LEAST(remaining + 1, 50), updated_at = #{now}")
    int addQuota(@Param("residentId") long residentId, @Param("template") String template,
                 @Param("now") LocalDateTime now);

    @Update("UPDATE subscribe_quota SET remaining = remaining - 1, updated_at = #{now} "
            + "WHERE resident_id = #{residentId} AND template = #{template} AND remaining > 0")
    int useQuota(@Param("residentId") long residentId, @Param("template") String template,
                 @Param("now") LocalDateTime now);

    @Update("UPDATE subscribe_quota SET remaining = 0, updated_at = #{now} "
            + "WHERE resident_id = #{residentId} AND template = #{template}")
    int clearQuota(@Param("residentId") long residentId, @Param("template") String template,
                   @Param("now") LocalDateTime now);
}
