package cn.yunxi.kepu.common.security;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface RefreshTokenMapper extends BaseMapper<RefreshToken> {

    /** The database decides which of two concurrent refreshes wins: only one can flip rotated_at. */
    @Update("UPDATE refresh_token SET rotated_at = #{now} WHERE token_hash = #{hash} AND rotated_at IS NULL")
    int markRotated(@Param("hash") String hash, @Param("now") LocalDateTime now);
}
