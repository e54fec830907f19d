package cn.yunxi.kepu.common.security;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface LoginSessionMapper extends BaseMapper<LoginSession> {

    @Update("UPDATE login_session SET revoked_at = #{now}, revoke_reason = #{reason} "
            + "WHERE id = #{id} AND revoked_at IS NULL")
    int revoke(@Param("id") long id, @Param("reason") String reason, @Param("now") LocalDateTime now);

    @Update("UPDATE login_session SET revoked_at = #{now}, revoke_reason = #{reason} "
            + "WHERE subject_type = #{type} AND subject_id = #{subjectId} AND revoked_at IS NULL")
    int revokeAllFor(@Param("type") String type, @Param("subjectId") long subjectId,
                     @Param("reason") String reason, @Param("now") LocalDateTime now);
}
