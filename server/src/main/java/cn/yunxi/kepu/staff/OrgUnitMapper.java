package cn.yunxi.kepu.staff;

import org.apache.ibatis.annotations.Mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;

@Mapper
interface OrgUnitMapper extends BaseMapper<OrgUnit> {
}
