package cn.yunxi.kepu.region;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("region")
class Region {

    @TableId(type = IdType.INPUT)
    String code;
    String parentCode;
    String name;
    String level;
    String kind;
    Integer population;
    Boolean sampleData;
    Integer sortOrder;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getParentCode() { return parentCode; }
    public void setParentCode(String parentCode) { this.parentCode = parentCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Integer getPopulation() { return population; }
    public void setPopulation(Integer population) { this.population = population; }
    public Boolean getSampleData() { return sampleData; }
    public void setSampleData(Boolean sampleData) { this.sampleData = sampleData; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
}
