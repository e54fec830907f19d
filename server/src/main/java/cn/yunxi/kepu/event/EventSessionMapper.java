package cn.yunxi.kepu.event;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface EventSessionMapper extends BaseMapper<EventSession> {

    @Select("SELECT * FROM event_session WHERE event_id = #{eventId} ORDER BY seq")
    List<EventSession> ofEvent(@Param("eventId") long eventId);
}
