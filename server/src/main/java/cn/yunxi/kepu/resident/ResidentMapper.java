package cn.yunxi.kepu.resident;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface ResidentMapper extends BaseMapper<Resident> {

    @Select("SELECT * FROM resident WHERE openid = #{openid}")
    Resident findByOpenid(@Param("openid") String openid);

    /**
     * Erases everything that identifies the person; region, group and birth year stay so anonymous
     * participation counts keep adding up.
     */
    @Update("UPDATE resident SET status = 'DELETED', openid = NULL, unionid = NULL, nickname = NULL, "
            + "avatar_key = NULL, phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, "
            + "privacy_policy_version = NULL, privacy_accepted_at = NULL, elder_mode = FALSE, "
            + "deleted_at = #{now}, updated_at = #{now} WHERE id = #{id} AND status = 'ACTIVE'")
    int erase(@Param("id") long id, @Param("now") LocalDateTime now);
}
