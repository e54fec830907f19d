package cn.yunxi.kepu.content;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface InteractionMapper extends BaseMapper<ReadSession> {

    @Insert("INSERT IGNORE INTO content_like (resident_id, content_id, created_at) VALUES (#{r}, #{c}, #{at})")
    int like(@Param("r") long residentId, @Param("c") long contentId, @Param("at") LocalDateTime at);

    @Delete("DELETE FROM content_like WHERE resident_id = #{r} AND content_id = #{c}")
    int unlike(@Param("r") long residentId, @Param("c") long contentId);

    @Insert("INSERT IGNORE INTO content_favourite (resident_id, content_id, created_at) VALUES (#{r}, #{c}, #{at})")
    int favourite(@Param("r") long residentId, @Param("c") long contentId, @Param("at") LocalDateTime at);

    @Delete("DELETE FROM content_favourite WHERE resident_id = #{r} AND content_id = #{c}")
    int unfavourite(@Param("r") long residentId, @Param("c") long contentId);

    @Select("""
            SELECT EXISTS (SELECT 1 FROM content_like WHERE resident_id = #{r} AND content_id = #{c}) AS liked,
                   EXISTS (SELECT 1 FROM content_favourite WHERE resident_id = #{r} AND content_id = #{c}) AS favourited
            """)
    State state(@Param("r") long residentId, @Param("c") long contentId);

    @Select("""
            SELECT f.content_id FROM content_favourite f JOIN content_item c ON c.id = f.content_id
            WHERE f.resident_id = #{r} AND c.status = 'PUBLISHED' AND (#{withSamples} OR NOT c.sample_data)
            ORDER BY f.created_at DESC, f.content_id DESC LIMIT #{limit} OFFSET #{offset}
            """)
    List<Long> favourites(@Param("r") long residentId, @Param("withSamples") boolean withSamples,
                          @Param("limit") int limit, @Param("offset") long offset);

    @Select("""
            SELECT COUNT(*) FROM content_favourite f JOIN content_item c ON c.id = f.content_id
            WHERE f.resident_id = #{r} AND c.status = 'PUBLISHED' AND (#{withSamples} OR NOT c.sample_data)
            """)
    long favouriteCount(@Param("r") long residentId, @Param("withSamples") boolean withSamples);

    @Insert("INSERT INTO content_share (token, content_id, sharer_id, created_at) VALUES (#{s.token}, #{s.contentId}, #{s.sharerId}, #{s.createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "s.id")
    void insertShare(@Param("s") Share share);

    @Select("SELECT id, token, content_id, sharer_id, created_at FROM content_share WHERE token = #{token}")
    Share shareByToken(@Param("token") String token);

    @Insert("INSERT IGNORE INTO content_share_open (share_id, opener_id, opener_key, created_at) VALUES (#{share}, #{r}, #{key}, #{at})")
    int recordOpen(@Param("share") long shareId, @Param("r") long openerId, @Param("key") String key,
                   @Param("at") LocalDateTime at);

    @Select("SELECT * FROM read_session WHERE id = #{id} AND resident_id = #{r} FOR UPDATE")
    ReadSession lockSession(@Param("id") long id, @Param("r") long residentId);

    @Insert("""
            INSERT IGNORE INTO content_read (resident_id, person_key, content_id, session_id, credited_seconds, completed_at)
            VALUES (#{r}, #{key}, #{c}, #{session}, #{credited}, #{at})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "holder.id")
    int insertRead(@Param("r") long residentId, @Param("key") String personKey, @Param("c") long contentId,
                   @Param("session") long sessionId, @Param("credited") int credited, @Param("at") LocalDateTime at,
                   @Param("holder") IdHolder holder);

    // Erasure on account deletion: interactions go, anonymous counts stay.
    @Delete("DELETE FROM content_like WHERE resident_id = #{r}")
    void eraseLikes(@Param("r") long residentId);

    @Delete("DELETE FROM content_favourite WHERE resident_id = #{r}")
    void eraseFavourites(@Param("r") long residentId);

    @Update("UPDATE content_share SET sharer_id = NULL WHERE sharer_id = #{r}")
    void eraseShares(@Param("r") long residentId);

    @Update("UPDATE content_share_open SET opener_id = NULL WHERE opener_id = #{r}")
    void eraseOpens(@Param("r") long residentId);

    @Update("UPDATE read_session SET resident_id = NULL WHERE resident_id = #{r}")
    void eraseSessions(@Param("r") long residentId);

    @Update("UPDATE content_read SET resident_id = NULL WHERE resident_id = #{r}")
    void eraseReads(@Param("r") long residentId);

    @Update("UPDATE content_comment SET body = '', image_key = NULL, resident_id = NULL, status = 'DELETED' WHERE resident_id = #{r}")
    void eraseComments(@Param("r") long residentId);

    @Select("SELECT content_id FROM content_read WHERE resident_id = #{r} ORDER BY id")
    List<Long> readsOf(@Param("r") long residentId);

    @Select("SELECT content_id FROM content_like WHERE resident_id = #{r} ORDER BY created_at")
    List<Long> likesOf(@Param("r") long residentId);

    @Select("SELECT content_id FROM content_favourite WHERE resident_id = #{r} ORDER BY created_at")
    List<Long> favouritesOf(@Param("r") long residentId);

    record State(boolean liked, boolean favourited) {
    }

    class IdHolder {
        private Long id;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
    }

    class Share {
        private Long id;
        private String token;
        private Long contentId;
        private Long sharerId;
        private LocalDateTime createdAt;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public Long getContentId() { return contentId; }
        public void setContentId(Long contentId) { this.contentId = contentId; }
        public Long getSharerId() { return sharerId; }
        public void setSharerId(Long sharerId) { this.sharerId = sharerId; }
        public LocalDateTime getCreatedAt() { return createdAt; }
        public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    }
}
