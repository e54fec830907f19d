package cn.yunxi.kepu.event;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface EventSessionMapper extends BaseMapper<EventSession> {

    @Select("SELECT * FROM event_session WHERE event_id = #{eventId} ORDER BY seq")
    List<EventSession> ofEvent(@Param("eventId") long eventId);

    @Select("<script>SELECT * FROM event_session WHERE event_id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY event_id, seq</script>")
    List<EventSession> ofEvents(@Param("ids") Collection<Long> eventIds);
}
