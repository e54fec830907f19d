package cn.yunxi.kepu.media;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface MediaObjectMapper extends BaseMapper<MediaObject> {

    /** Records an upload once: the OSS callback and the client's confirmation may both arrive. */
    @Insert("""
            INSERT IGNORE INTO media_object (object_key, owner_type, owner_id, purpose, content_type, size_bytes,
                                             check_status, created_at)
            VALUES (#{o.objectKey}, #{o.ownerType}, #{o.ownerId}, #{o.purpose}, #{o.contentType}, #{o.sizeBytes},
                    #{o.checkStatus}, #{o.createdAt})
            """)
    int insertOnce(@Param("o") MediaObject object);

    @Select("SELECT * FROM media_object WHERE object_key = #{key}")
    MediaObject findByKey(@Param("key") String key);

    @Update("UPDATE media_object SET check_trace_id = #{traceId} WHERE id = #{id} AND check_status = 'PENDING'")
    int setTrace(@Param("id") long id, @Param("traceId") String traceId);

    /** Applies WeChat's verdict once, by trace id; later duplicates of the push change nothing. */
    @Update("""
            UPDATE media_object SET check_status = #{status}, check_label = #{label}, checked_at = #{at}
            WHERE check_trace_id = #{traceId} AND check_status = 'PENDING'
            """)
    int applyVerdict(@Param("traceId") String traceId, @Param("status") String status, @Param("label") Integer label,
                     @Param("at") LocalDateTime at);

    /** Keeps a verdict as it arrived (first one wins: WeChat may repeat the push). */
    @Insert("""
            INSERT IGNORE INTO media_check_verdict (trace_id, status, label, received_at)
            VALUES (#{traceId}, #{status}, #{label}, #{at})
            """)
    int storeVerdict(@Param("traceId") String traceId, @Param("status") String status, @Param("label") Integer label,
                     @Param("at") LocalDateTime at);

    /** Applies a verdict that arrived before the object's trace id was recorded, if there is one. */
    @Update("""
            UPDATE media_object m JOIN media_check_verdict v ON v.trace_id = m.check_trace_id
            SET m.check_status = v.status, m.check_label = v.label, m.checked_at = #{at}
            WHERE m.id = #{id} AND m.check_status = 'PENDING'
            """)
    int applyStoredVerdict(@Param("id") long id, @Param("at") LocalDateTime at);

    @Update("UPDATE media_object SET check_status = 'FAILED', checked_at = #{at} WHERE id = #{id} AND check_status = 'PENDING'")
    int markCheckFailed(@Param("id") long id, @Param("at") LocalDateTime at);
}
