package cn.yunxi.kepu.content;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

import io.swagger.v3.oas.annotations.media.Schema;

@Mapper
interface ContentMapper extends BaseMapper<ContentItem> {

    String FEED_FILTER = """
            FROM content_item c
            WHERE c.status = 'PUBLISHED'
            <if test="!q.withSamples"> AND NOT c.sample_data</if>
            <if test="q.type != null"> AND c.type = #{q.type}</if>
            <if test="q.topic != null"> AND EXISTS (SELECT 1 FROM content_item_topic t WHERE t.content_id = c.id AND t.topic = #{q.topic})</if>
            <if test="q.group != null"> AND EXISTS (SELECT 1 FROM content_item_audience a WHERE a.content_id = c.id AND a.population_group = #{q.group})</if>
            <if test="q.likePattern != null"> AND (c.title LIKE #{q.likePattern} ESCAPE '!' OR c.summary LIKE #{q.likePattern} ESCAPE '!')</if>
            """;

    /**
     * The feed: active emergency items pinned on top, then (when the reader has a group) items for that group,
     * then the newest. Keyword search matches title or summary with LIKE (escaped), title matches first.
     */
    @Select("""
            <script>
            SELECT c.id
            """ + FEED_FILTER + """
            ORDER BY (c.emergency AND (c.emergency_until IS NULL OR c.emergency_until &gt; #{q.now})) DESC,
            <if test="q.likePattern != null"> (c.title LIKE #{q.likePattern} ESCAPE '!') DESC,</if>
            <if test="q.readerGroup != null"> EXISTS (SELECT 1 FROM content_item_audience m WHERE m.content_id = c.id AND m.population_group = #{q.readerGroup}) DESC,</if>
                     c.published_at DESC, c.id DESC
            LIMIT #{q.limit} OFFSET #{q.offset}
            </script>
            """)
    List<Long> feedIds(@Param("q") FeedQuery q);

    @Select("<script>SELECT COUNT(*) " + FEED_FILTER + "</script>")
    long feedCount(@Param("q") FeedQuery q);

    @Select("""
            <script>
            SELECT content_id, topic AS code FROM content_item_topic WHERE content_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Tag> topics(@Param("ids") Collection<Long> ids);

    @Select("""
            <script>
            SELECT content_id, population_group AS code FROM content_item_audience WHERE content_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Tag> audiences(@Param("ids") Collection<Long> ids);

    @Select("""
            <script>
            SELECT content_id, section_code AS code FROM content_item_section WHERE content_id IN
            <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Tag> sections(@Param("ids") Collection<Long> ids);

    @Select("SELECT code FROM content_topic ORDER BY sort_order")
    List<String> topicCodes();

    @Select("SELECT code, name FROM content_topic ORDER BY sort_order")
    List<Named> topicNames();

    @Select("SELECT code, name FROM content_plan_section ORDER BY sort_order")
    List<Named> sectionNames();

    @Delete("DELETE FROM content_item_topic WHERE content_id = #{id}")
    void clearTopics(@Param("id") long id);

    @Delete("DELETE FROM content_item_audience WHERE content_id = #{id}")
    void clearAudiences(@Param("id") long id);

    @Delete("DELETE FROM content_item_section WHERE content_id = #{id}")
    void clearSections(@Param("id") long id);

    @Insert("INSERT INTO content_item_topic (content_id, topic) VALUES (#{id}, #{code})")
    void addTopic(@Param("id") long id, @Param("code") String code);

    @Insert("INSERT INTO content_item_audience (content_id, population_group) VALUES (#{id}, #{code})")
    void addAudience(@Param("id") long id, @Param("code") String code);

    @Insert("INSERT INTO content_item_section (content_id, section_code) VALUES (#{id}, #{code})")
    void addSection(@Param("id") long id, @Param("code") String code);

    /** Moves an item from one state to another only if it is still in the expected one. */
    @Update("""
            UPDATE content_item SET status = #{to}, updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = #{from}
            """)
    int transition(@Param("id") long id, @Param("from") String from, @Param("to") String to,
                   @Param("at") LocalDateTime at);

    @Update("""
            UPDATE content_item SET status = 'APPROVED', reviewer_id = #{reviewer}, updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'IN_REVIEW' AND (author_id IS NULL OR author_id <> #{reviewer})
            """)
    int approve(@Param("id") long id, @Param("reviewer") long reviewer, @Param("at") LocalDateTime at);

    @Update("""
            UPDATE content_item SET status = #{to}, publish_at = #{publishAt},
                   published_at = CASE WHEN #{to} = 'PUBLISHED' THEN #{publishAt} ELSE NULL END,
                   updated_at = #{at}, version = version + 1
            WHERE id = #{id} AND status = 'APPROVED'
            """)
    int publish(@Param("id") long id, @Param("to") String to, @Param("publishAt") LocalDateTime publishAt,
                @Param("at") LocalDateTime at);

    @Select("SELECT id FROM content_item WHERE status = 'SCHEDULED' AND publish_at <= #{now} ORDER BY publish_at LIMIT 100")
    List<Long> dueForPublication(@Param("now") LocalDateTime now);

    /** Emergency pins whose end has passed but that are still marked pinned. */
    @Select("SELECT id FROM content_item WHERE emergency = TRUE AND emergency_until <= #{now} ORDER BY emergency_until LIMIT 100")
    List<Long> endedPins(@Param("now") LocalDateTime now);

    /** Ends a pin whose time is up, as unpinning by hand does; conditional, so one instance records it. */
    @Update("""
            UPDATE content_item SET emergency = FALSE, emergency_until = NULL, updated_at = #{now}, version = version + 1
            WHERE id = #{id} AND emergency = TRUE AND emergency_until <= #{now}
            """)
    int endPin(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("""
            UPDATE content_item SET status = 'PUBLISHED', published_at = publish_at, updated_at = #{now}, version = version + 1
            WHERE id = #{id} AND status = 'SCHEDULED' AND publish_at <= #{now}
            """)
    int publishScheduled(@Param("id") long id, @Param("now") LocalDateTime now);

    @Insert("""
            INSERT INTO content_transition (content_id, action, from_status, to_status, actor_id, reason, created_at)
            VALUES (#{id}, #{action}, #{from}, #{to}, #{actor}, #{reason}, #{at})
            """)
    void recordTransition(@Param("id") long id, @Param("action") String action, @Param("from") String from,
                          @Param("to") String to, @Param("actor") Long actor, @Param("reason") String reason,
                          @Param("at") LocalDateTime at);

    @Select("SELECT action, from_status, to_status, actor_id, reason, created_at FROM content_transition WHERE content_id = #{id} ORDER BY id")
    List<TransitionRow> transitions(@Param("id") long id);

    // Counters: one fixed statement each (no SQL built from strings); a decrement never goes below zero.
    @Update("UPDATE content_item SET like_count = like_count + #{delta} WHERE id = #{id} AND like_count + #{delta} >= 0")
    int bumpLikes(@Param("id") long id, @Param("delta") int delta);

    @Update("UPDATE content_item SET favourite_count = favourite_count + #{delta} WHERE id = #{id} AND favourite_count + #{delta} >= 0")
    int bumpFavourites(@Param("id") long id, @Param("delta") int delta);

    @Update("UPDATE content_item SET share_count = share_count + 1 WHERE id = #{id}")
    int countShare(@Param("id") long id);

    @Update("UPDATE content_item SET comment_count = comment_count + 1 WHERE id = #{id}")
    int countComment(@Param("id") long id);

    @Update("UPDATE content_item SET read_count = read_count + 1 WHERE id = #{id}")
    int countRead(@Param("id") long id);

    @Select("""
            SELECT s.code, s.name, COUNT(c.id) AS published
            FROM content_plan_section s
            LEFT JOIN content_item_section cs ON cs.section_code = s.code
            LEFT JOIN content_item c ON c.id = cs.content_id AND c.status = 'PUBLISHED'
                                     AND (#{withSamples} OR NOT c.sample_data)
            GROUP BY s.code, s.name, s.sort_order ORDER BY s.sort_order
            """)
    List<ContentAdminService.SectionCount> sectionCounts(@Param("withSamples") boolean withSamples);

    record Tag(long contentId, String code) {
    }

    @Schema(name = "ContentTopic")
    record Named(String code, String name) {
    }

    record TransitionRow(String action, String fromStatus, String toStatus, Long actorId, String reason,
                         LocalDateTime createdAt) {
    }
}
