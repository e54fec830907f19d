package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.PlanRow;
import cn.yunxi.kepu.indicator.PlanRows.SectionRow;
import cn.yunxi.kepu.indicator.PlanRows.SectionUnitRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskUnitChangeRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskUnitRow;

/** Plans, sections, their units, tasks and indicators. Plain SQL: these are small reference tables. */
@Repository
class PlanRepository {

    private static final String INDICATOR_SELECT = """
            SELECT i.id, i.plan_id, i.section_id, s.code AS section_code, i.code, i.name, i.unit, i.target,
                   i.comparison, i.target_basis, i.target_window_start, i.target_window_name, i.measure, i.population_group, i.base_level, i.base_types, i.proxy_measure,
                   i.method, i.source_text, i.lead_unit_id, u.name AS lead_unit_name, i.sort_order,
                   p.period_start, p.period_end
            FROM indicator i
            JOIN plan p ON p.id = i.plan_id
            JOIN plan_section s ON s.id = i.section_id
            JOIN org_unit u ON u.id = i.lead_unit_id
            """;

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlanRow> plans() {
        return jdbc.sql("SELECT id, code, name, issuing_body, document_no, period_start, period_end, issued_on "
                + "FROM plan ORDER BY period_start, id").query(PlanRow.class).list();
    }

    Optional<PlanRow> plan(long id) {
        return jdbc.sql("SELECT id, code, name, issuing_body, document_no, period_start, period_end, issued_on "
                + "FROM plan WHERE id = ?").param(id).query(PlanRow.class).optional();
    }

    long insertPlan(String code, String name, String issuingBody, String documentNo, LocalDate start,
                    LocalDate end, LocalDate issuedOn, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plan (code, name, issuing_body, document_no, period_start, period_end, issued_on, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, name, issuingBody, documentNo, start, end, issuedOn, now).update(keys);
        return keys.getKey().longValue();
    }

    List<SectionRow> sections(long planId) {
        return jdbc.sql("SELECT id, plan_id, code, kind, name, responsibility_text, sort_order FROM plan_section "
                + "WHERE plan_id = ? ORDER BY sort_order, id").param(planId).query(SectionRow.class).list();
    }

    long insertSection(long planId, String code, String kind, String name, String responsibility, int sortOrder) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO plan_section (plan_id, code, kind, name, responsibility_text, sort_order) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(planId, code, kind, name, responsibility, sortOrder).update(keys);
        return keys.getKey().longValue();
    }

    void insertSectionUnit(long sectionId, long unitId, String role, int sortOrder) {
        jdbc.sql("INSERT INTO plan_section_unit (section_id, unit_id, role, sort_order) VALUES (?, ?, ?, ?)")
                .params(sectionId, unitId, role, sortOrder).update();
    }

    List<SectionUnitRow> sectionUnits(long planId) {
        return jdbc.sql("""
                SELECT su.section_id, su.unit_id, u.name AS unit_name, su.role
                FROM plan_section_unit su
                JOIN plan_section s ON s.id = su.section_id
                JOIN org_unit u ON u.id = su.unit_id
                WHERE s.plan_id = ?
                ORDER BY su.section_id, su.role, su.sort_order
                """).param(planId).query(SectionUnitRow.class).list();
    }

    List<TaskRow> tasks(long planId) {
        return jdbc.sql("""
                SELECT t.id, t.section_id, t.seq, t.title, t.description, t.lead_unit_id, u.name AS lead_unit_name
                FROM plan_task t
                JOIN plan_section s ON s.id = t.section_id
                JOIN org_unit u ON u.id = t.lead_unit_id
                WHERE s.plan_id = ?
                ORDER BY s.sort_order, t.seq
                """).param(planId).query(TaskRow.class).list();
    }

    Optional<TaskRow> task(long taskId) {
        return jdbc.sql("""
                SELECT t.id, t.section_id, t.seq, t.title, t.description, t.lead_unit_id, u.name AS lead_unit_name
                FROM plan_task t JOIN org_unit u ON u.id = t.lead_unit_id WHERE t.id = ?
                """).param(taskId).query(TaskRow.class).optional();
    }

    long insertTask(long sectionId, String title, String description, long leadUnitId) {
        KeyHolder keys = new GeneratedKeyHolder();
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM plan_task WHERE section_id = ?").param(sectionId)
                .query(Integer.class).single();
        jdbc.sql("INSERT INTO plan_task (section_id, seq, title, description, lead_unit_id) VALUES (?, ?, ?, ?, ?)")
                .params(sectionId, seq, title, description, leadUnitId).update(keys);
        return keys.getKey().longValue();
    }

    /** The units of every task of the plan: leads first, each in the order the plan names them. */
    List<TaskUnitRow> taskUnits(long planId) {
        return jdbc.sql("""
                SELECT tu.task_id, tu.unit_id, u.name AS unit_name, tu.role
                FROM plan_task_unit tu
                JOIN plan_task t ON t.id = tu.task_id
                JOIN plan_section s ON s.id = t.section_id
                JOIN org_unit u ON u.id = tu.unit_id
                WHERE s.plan_id = ?
                ORDER BY tu.task_id, tu.sort_order, tu.unit_id
                """).param(planId).query(TaskUnitRow.class).list();
    }

    List<TaskUnitRow> unitsOfTask(long taskId) {
        return jdbc.sql("""
                SELECT tu.task_id, tu.unit_id, u.name AS unit_name, tu.role
                FROM plan_task_unit tu JOIN org_unit u ON u.id = tu.unit_id
                WHERE tu.task_id = ? ORDER BY tu.sort_order, tu.unit_id
                """).param(taskId).query(TaskUnitRow.class).list();
    }

    /** Locks the task's row: changes of one task's units happen one after the other. */
    Optional<Long> lockTask(long taskId) {
        return jdbc.sql("SELECT id FROM plan_task WHERE id = ? FOR UPDATE").param(taskId).query(Long.class).optional();
    }

    /** The task's units become these (leads first); the first lead is the task's {@code lead_unit_id}. */
    void replaceTaskUnits(long taskId, List<Long> leads, List<Long> participants) {
        jdbc.sql("DELETE FROM plan_task_unit WHERE task_id = ?").param(taskId).update();
        insertTaskUnits(taskId, leads, participants);
        jdbc.sql("UPDATE plan_task SET lead_unit_id = ? WHERE id = ?").params(leads.get(0), taskId).update();
    }

    void insertTaskUnits(long taskId, List<Long> leads, List<Long> participants) {
        int order = 0;
        for (Long unit : leads) {
            jdbc.sql("INSERT INTO plan_task_unit (task_id, unit_id, role, sort_order) VALUES (?, ?, 'LEAD', ?)")
                    .params(taskId, unit, order++).update();
        }
        order = 100;
        for (Long unit : participants) {
            jdbc.sql("INSERT INTO plan_task_unit (task_id, unit_id, role, sort_order) VALUES (?, ?, 'PARTICIPANT', ?)")
                    .params(taskId, unit, order++).update();
        }
    }

    void insertTaskUnitChange(long taskId, long staffId, LocalDateTime at, String reason, String before, String after) {
        jdbc.sql("INSERT INTO plan_task_unit_change (task_id, changed_by, changed_at, reason, units_before, units_after) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(taskId, staffId, at, reason, before, after).update();
    }

    List<TaskUnitChangeRow> taskUnitChanges(long taskId) {
        return jdbc.sql("SELECT id, task_id, changed_by, changed_at, reason, units_before, units_after "
                + "FROM plan_task_unit_change WHERE task_id = ? ORDER BY changed_at DESC, id DESC")
                .param(taskId).query(TaskUnitChangeRow.class).list();
    }

    List<IndicatorRow> indicators(long planId) {
        return jdbc.sql(INDICATOR_SELECT + " WHERE i.plan_id = ? ORDER BY s.sort_order, i.sort_order, i.id")
                .param(planId).query(IndicatorRow.class).list();
    }

    List<IndicatorRow> allIndicators() {
        return jdbc.sql(INDICATOR_SELECT + " ORDER BY i.plan_id, i.sort_order, i.id").query(IndicatorRow.class).list();
    }

    Optional<IndicatorRow> indicator(long id) {
        return jdbc.sql(INDICATOR_SELECT + " WHERE i.id = ?").param(id).query(IndicatorRow.class).optional();
    }

    long insertIndicator(long planId, long sectionId, String code, String name, String unit, BigDecimal target,
                         String comparison, String basis, LocalDate windowStart, String windowName, String measure, String populationGroup, String baseLevel, String baseTypes,
                         String proxyMeasure, String method, String sourceText, long leadUnitId, LocalDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        int sort = jdbc.sql("SELECT COALESCE(MAX(sort_order), 0) + 1 FROM indicator WHERE plan_id = ?")
                .param(planId).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO indicator (plan_id, section_id, code, name, unit, target, comparison, target_basis,
                                       target_window_start, target_window_name, measure, population_group, base_level,
                                       base_types, proxy_measure, method, source_text, lead_unit_id, sort_order,
                                       created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(planId, sectionId, code, name, unit, target, comparison, basis, windowStart, windowName, measure, populationGroup, baseLevel,
                baseTypes, proxyMeasure, method, sourceText, leadUnitId, sort, now).update(keys);
        return keys.getKey().longValue();
    }
}
