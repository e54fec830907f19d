package cn.yunxi.kepu.region;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface RegionMapper extends BaseMapper<Region> {
}
