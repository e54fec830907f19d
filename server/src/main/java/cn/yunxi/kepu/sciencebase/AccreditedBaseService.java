package cn.yunxi.kepu.sciencebase;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;

/** The bases the plan counts: those of a level and types accredited within a date range (and not withdrawn). */
@Service
public class AccreditedBaseService {

    private final JdbcClient jdbc;
    private final RegionService regions;

    AccreditedBaseService(JdbcClient jdbc, RegionService regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    public List<AccreditedBase> accredited(String level, Set<String> types, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT id, name, type, level, accredited_on, region_code FROM science_base "
                        + "WHERE status = 'ACTIVE' AND (? IS NULL OR level = ?) AND accredited_on BETWEEN ? AND ? "
                        + "ORDER BY accredited_on, id")
                .params(level, level, from, to)
                .query((rs, i) -> new AccreditedBase(rs.getLong("id"), rs.getString("name"), rs.getString("type"),
                        rs.getString("level"), rs.getObject("accredited_on", LocalDate.class),
                        rs.getString("region_code"),
                        regions.find(rs.getString("region_code")).map(RegionInfo::townCode).orElse(null)))
                .list().stream().filter(b -> types.isEmpty() || types.contains(b.type())).toList();
    }
}
