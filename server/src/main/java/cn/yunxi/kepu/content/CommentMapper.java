package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface CommentMapper extends BaseMapper<Comment> {

    @Update("""
            UPDATE content_comment SET status = #{to}, reviewer_id = #{reviewer}, review_reason = #{reason}, reviewed_at = #{at}
            WHERE id = #{id} AND status = 'IN_REVIEW'
            """)
    int review(@Param("id") long id, @Param("to") String to, @Param("reviewer") long reviewer,
               @Param("reason") String reason, @Param("at") LocalDateTime at);
}
