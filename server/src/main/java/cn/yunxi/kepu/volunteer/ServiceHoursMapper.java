package cn.yunxi.kepu.volunteer;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface ServiceHoursMapper extends BaseMapper<ServiceHours> {
}
