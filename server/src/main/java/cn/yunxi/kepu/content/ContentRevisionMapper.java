package cn.yunxi.kepu.content;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface ContentRevisionMapper extends BaseMapper<ContentRevision> {

    /** The open (in review or rejected) revision of an item, locked for the caller's transaction. */
    @Select("SELECT * FROM content_revision WHERE content_id = #{contentId} AND open_flag = 1 FOR UPDATE")
    ContentRevision lockOpen(@Param("contentId") long contentId);

    @Select("SELECT * FROM content_revision WHERE content_id = #{contentId} AND open_flag = 1")
    ContentRevision open(@Param("contentId") long contentId);
}
