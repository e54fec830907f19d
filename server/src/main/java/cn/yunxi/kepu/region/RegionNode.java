package cn.yunxi.kepu.region;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One node of the division tree as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionNode(String code, String name, RegionLevel level, String kind, Integer population,
                         boolean sampleData, List<RegionNode> children) {
}
