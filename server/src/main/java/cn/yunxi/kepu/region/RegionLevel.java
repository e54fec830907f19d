package cn.yunxi.kepu.region;

public enum RegionLevel {
    DISTRICT,
    TOWN,
    VILLAGE
}
