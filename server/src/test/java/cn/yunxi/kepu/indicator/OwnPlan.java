package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * A plan of the test's own (2022–2025), made through the plan API, whose indicator codes no other test uses: every
 * aggregate row under these codes and indicators comes from the records the test itself publishes, so the test
 * can know each of them. One indicator of each counting kind: distinct persons over the period, distinct persons
 * per year, distinct persons of one population group, and person-times.
 */
final class OwnPlan {

    static final LocalDate START = LocalDate.of(2022, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    /** A distinct-person indicator as the aggregates count it. */
    record Counter(long indicatorId, String code, String populationGroup, boolean yearly) {
    }

    final long id;
    /** Distinct persons over the whole period. */
    final String persons;
    /** Distinct persons, each year on its own. */
    final String yearly;
    /** Distinct farmers over the whole period. */
    final String farmers;
    /** Person-times (no distinct-person rows). */
    final String times;
    final List<Counter> counters;
    final Map<String, Long> indicatorIds;

    private OwnPlan(long id, String prefix, Map<String, Long> indicatorIds) {
        this.id = id;
        this.persons = prefix + "_PERSONS";
        this.yearly = prefix + "_YEARLY";
        this.farmers = prefix + "_FARMERS";
        this.times = prefix + "_TIMES";
        this.indicatorIds = indicatorIds;
        this.counters = List.of(new Counter(indicatorIds.get(persons), persons, null, false),
                new Counter(indicatorIds.get(yearly), yearly, null, true),
                new Counter(indicatorIds.get(farmers), farmers, "FARMER", false));
    }

    /** Creates the plan and its four indicators as a district admin would. */
    static OwnPlan create(ApiClient api, String admin) {
        String prefix = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
        long unit = api.get("/api/admin/v1/units", admin).json().get(0).path("id").asLong();
        Map<String, Object> plan = new HashMap<>();
        plan.put("code", prefix);
        plan.put("name", "测试规划 " + prefix);
        plan.put("issuingBody", "测试");
        plan.put("periodStart", START.toString());
        plan.put("periodEnd", END.toString());
        plan.put("sections", List.of(Map.of("code", prefix, "kind", "ACTION", "name", "测试行动",
                "leadUnitIds", List.of(unit))));
        Response created = api.post("/api/admin/v1/plans", admin, ApiClient.json(plan));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long planId = created.json().path("id").asLong();

        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put(prefix + "_PERSONS", add(api, admin, planId, prefix + "_PERSONS", "人", "PERIOD", "DISTINCT_PERSONS",
                null, unit));
        ids.put(prefix + "_YEARLY", add(api, admin, planId, prefix + "_YEARLY", "人", "YEARLY", "DISTINCT_PERSONS",
                null, unit));
        ids.put(prefix + "_FARMERS", add(api, admin, planId, prefix + "_FARMERS", "人", "PERIOD", "DISTINCT_PERSONS",
                "FARMER", unit));
        ids.put(prefix + "_TIMES", add(api, admin, planId, prefix + "_TIMES", "人次", "PERIOD", "PERSON_TIMES", null,
                unit));
        return new OwnPlan(planId, prefix, ids);
    }

    private static long add(ApiClient api, String admin, long planId, String code, String unitLabel, String basis,
                            String measure, String group, long unit) {
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("sectionCode", code.substring(0, code.indexOf('_')));
        indicator.put("code", code);
        indicator.put("name", "测试指标 " + code);
        indicator.put("unit", unitLabel);
        indicator.put("target", 100);
        indicator.put("targetBasis", basis);
        indicator.put("measure", measure);
        indicator.put("populationGroup", group);
        indicator.put("method", "测试");
        indicator.put("leadUnitId", unit);
        Response added = api.post("/api/admin/v1/plans/" + planId + "/indicators", admin, ApiClient.json(indicator));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().path("id").asLong();
    }

    List<String> codes() {
        return List.of(persons, yearly, farmers, times);
    }

    List<Long> ids() {
        return new ArrayList<>(indicatorIds.values());
    }

    /** This plan's figure of {@code code} on its dashboard. */
    double value(ApiClient api, String token, String code) {
        Response r = api.get("/api/admin/v1/plans/" + id + "/dashboard", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode f : r.json().path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f.path("value").asDouble();
            }
        }
        throw new AssertionError("no indicator " + code);
    }
}
