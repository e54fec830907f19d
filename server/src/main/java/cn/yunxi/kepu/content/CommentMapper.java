package cn.yunxi.kepu.content;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

@Mapper
interface CommentMapper extends BaseMapper<Comment> {

    /**
     * Comments waiting for staff review, oldest first; unit staff see only comments on their unit's items (a staff
     * account without a unit sees none).
     */
    @Select("""
            <script>
            SELECT cc.* FROM content_comment cc
            <if test="!allUnits">JOIN content_item c ON c.id = cc.content_id AND c.unit_id = #{unitId}</if>
            WHERE cc.status = 'IN_REVIEW'
            ORDER BY cc.id
            </script>
            """)
    Page<Comment> reviewQueue(Page<Comment> page, @Param("allUnits") boolean allUnits, @Param("unitId") Long unitId);

    @Update("""
            UPDATE content_comment SET status = #{to}, reviewer_id = #{reviewer}, review_reason = #{reason}, reviewed_at = #{at}
            WHERE id = #{id} AND status = 'IN_REVIEW'
            """)
    int review(@Param("id") long id, @Param("to") String to, @Param("reviewer") long reviewer,
               @Param("reason") String reason, @Param("at") LocalDateTime at);
}
