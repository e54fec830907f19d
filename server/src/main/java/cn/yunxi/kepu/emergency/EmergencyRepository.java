package cn.yunxi.kepu.emergency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Every statement of the feature. The invariants live in the statements: a status moves only from the state it
 * is expected in (so two approvers cannot both approve), a notice is claimed by one sender only, and an acceptance
 * is spent by a conditional decrement.
 */
@Component
class EmergencyRepository {

    record Row(long id, String source, Long templateId, String title, String body, String status,
               boolean wholeDistrict, LocalDateTime endsAt, long draftedBy, LocalDateTime draftedAt, Long approvedBy,
               LocalDateTime approvedAt, LocalDateTime publishedAt, String rejectReason) {
    }

    record TemplateRow(long id, String hazard, String name, String title, String body, boolean example,
                       boolean active, LocalDateTime updatedAt) {
    }

    record AuditRow(String action, long staffId, LocalDateTime at) {
    }

    record NoticeRow(long id, long emergencyId, long residentId, int attempts) {
    }

    private final JdbcClient jdbc;

    EmergencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- templates

    List<TemplateRow> templates(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM emergency_template" + (activeOnly ? " WHERE active" : "")
                        + " ORDER BY active DESC, example, hazard, id")
                .query(EmergencyRepository::template).list();
    }

    Optional<TemplateRow> template(long id) {
        return jdbc.sql("SELECT * FROM emergency_template WHERE id = ?").param(id)
                .query(EmergencyRepository::template).optional();
    }

    long insertTemplate(EmergencyRequests.SaveTemplate t, long staffId, LocalDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO emergency_template (hazard, name, title, body, example, active, updated_by, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)")
                .params(t.hazard().name(), t.name().strip(), t.title().strip(), t.body().strip(),
                        !Boolean.FALSE.equals(t.active()), staffId, now, now)
                .update(key);
        return key.getKey().longValue();
    }

    /** An edited example is the district's own text from then on. */
    int updateTemplate(long id, EmergencyRequests.SaveTemplate t, long staffId, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency_template SET hazard = ?, name = ?, title = ?, body = ?, example = FALSE, "
                        + "active = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(t.hazard().name(), t.name().strip(), t.title().strip(), t.body().strip(),
                        !Boolean.FALSE.equals(t.active()), staffId, now, id)
                .update();
    }

    private static TemplateRow template(ResultSet rs, int row) throws SQLException {
        return new TemplateRow(rs.getLong("id"), rs.getString("hazard"), rs.getString("name"), rs.getString("title"),
                rs.getString("body"), rs.getBoolean("example"), rs.getBoolean("active"),
                rs.getObject("updated_at", LocalDateTime.class));
    }

    // ---- emergencies

    long insert(String source, Long templateId, String title, String body, String status, boolean wholeDistrict,
                LocalDateTime endsAt, long draftedBy, LocalDateTime now, Long approvedBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO emergency (source, template_id, title, body, status, whole_district, ends_at, drafted_by, "
                        + "drafted_at, approved_by, approved_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(source, templateId, title, body, status, wholeDistrict, endsAt, draftedBy, now, approvedBy,
                        approvedBy == null ? null : now, approvedBy == null ? null : now)
                .update(key);
        return key.getKey().longValue();
    }

    void insertTargets(long id, Collection<String> codes) {
        for (String code : codes) {
            jdbc.sql("INSERT INTO emergency_target (emergency_id, region_code) VALUES (?, ?)").params(id, code).update();
        }
    }

    void audit(long id, String action, long staffId, LocalDateTime now) {
        jdbc.sql("INSERT INTO emergency_audit (emergency_id, action, staff_id, at) VALUES (?, ?, ?, ?)")
                .params(id, action, staffId, now).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM emergency WHERE id = ?").param(id).query(EmergencyRepository::row).optional();
    }

    /**
     * Staff list, newest first. {@code status} PENDING, PUBLISHED (still running), ENDED, REJECTED or null for all.
     * {@code places} null for every emergency (the district); otherwise only published emergencies for the whole
     * district or for one of these towns/villages (a town's read-only view).
     */
    List<Row> list(String status, LocalDateTime now, int limit, long offset, Collection<String> places) {
        return jdbc.sql("SELECT * FROM emergency WHERE " + statusFilter(status) + scopeFilter(places)
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("now", now).param("limit", limit).param("offset", offset).params(scopeParams(places))
                .query(EmergencyRepository::row).list();
    }

    long count(String status, LocalDateTime now, Collection<String> places) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency WHERE " + statusFilter(status) + scopeFilter(places))
                .param("now", now).params(scopeParams(places)).query(Long.class).single();
    }

    /** Whether the emergency is in the scope {@link #list} uses. */
    boolean inScope(long id, Collection<String> places) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency WHERE id = :id" + scopeFilter(places))
                .param("id", id).params(scopeParams(places)).query(Long.class).single() > 0;
    }

    private static String scopeFilter(Collection<String> places) {
        if (places == null) {
            return "";
        }
        return " AND status = 'PUBLISHED' AND (whole_district OR EXISTS (SELECT 1 FROM emergency_target t "
                + "WHERE t.emergency_id = emergency.id AND t.region_code IN (:places)))";
    }

    private static Map<String, Object> scopeParams(Collection<String> places) {
        if (places == null) {
            return Map.of();
        }
        // IN () is not SQL: a caller without a town sees the whole district's emergencies only
        return Map.of("places", places.isEmpty() ? List.of("-") : List.copyOf(places));
    }

    private static String statusFilter(String status) {
        if (status == null) {
            return "(:now IS NOT NULL)";
        }
        return switch (status) {
            case "PENDING" -> "status = 'PENDING' AND :now IS NOT NULL";
            case "PUBLISHED" -> "status = 'PUBLISHED' AND ends_at > :now";
            case "ENDED" -> "status = 'PUBLISHED' AND ends_at <= :now";
            case "REJECTED" -> "status = 'REJECTED' AND :now IS NOT NULL";
            default -> throw new IllegalArgumentException(status);
        };
    }

    /** PENDING → PUBLISHED, by someone other than the author (the database's CHECK says so too). */
    int approve(long id, long approverId, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency SET status = 'PUBLISHED', approved_by = ?, approved_at = ?, published_at = ? "
                        + "WHERE id = ? AND status = 'PENDING' AND drafted_by <> ? AND ends_at > ?")
                .params(approverId, now, now, id, approverId, now).update();
    }

    int reject(long id, String reason, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency SET status = 'REJECTED', reject_reason = ? WHERE id = ? AND status = 'PENDING'")
                .params(reason, id).update();
    }

    /** Ending early brings the end forward to now; an emergency already over stays as it was. */
    int end(long id, long staffId, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency SET ends_at = ?, ended_by = ? WHERE id = ? AND status = 'PUBLISHED' AND ends_at > ?")
                .params(now, staffId, id, now).update();
    }

    List<String> targets(long id) {
        return jdbc.sql("SELECT region_code FROM emergency_target WHERE emergency_id = ? ORDER BY region_code")
                .param(id).query(String.class).list();
    }

    List<AuditRow> audit(long id) {
        return jdbc.sql("SELECT action, staff_id, at FROM emergency_audit WHERE emergency_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new AuditRow(rs.getString("action"), rs.getLong("staff_id"),
                        rs.getObject("at", LocalDateTime.class))).list();
    }

    Map<String, Integer> noticeCounts(long id) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM emergency_notice WHERE emergency_id = ? GROUP BY status").param(id)
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    int readCount(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM emergency_read WHERE emergency_id = ?").param(id).query(Integer.class)
                .single();
    }

    /** Running emergencies with their targets (empty for the whole district), oldest first. */
    List<Row> running(LocalDateTime now) {
        return jdbc.sql("SELECT * FROM emergency WHERE status = 'PUBLISHED' AND ends_at > ? ORDER BY published_at, id")
                .param(now).query(EmergencyRepository::row).list();
    }

    List<Long> readBy(long residentId, Collection<Long> emergencyIds) {
        if (emergencyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT emergency_id FROM emergency_read WHERE resident_id = :r AND emergency_id IN (:ids)")
                .param("r", residentId).param("ids", emergencyIds).query(Long.class).list();
    }

    void markRead(long emergencyId, long residentId, LocalDateTime now) {
        jdbc.sql("INSERT IGNORE INTO emergency_read (emergency_id, resident_id, read_at) VALUES (?, ?, ?)")
                .params(emergencyId, residentId, now).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("source"), rs.getObject("template_id", Long.class),
                rs.getString("title"), rs.getString("body"), rs.getString("status"), rs.getBoolean("whole_district"),
                rs.getObject("ends_at", LocalDateTime.class), rs.getLong("drafted_by"),
                rs.getObject("drafted_at", LocalDateTime.class), rs.getObject("approved_by", Long.class),
                rs.getObject("approved_at", LocalDateTime.class), rs.getObject("published_at", LocalDateTime.class),
                rs.getString("reject_reason"));
    }

    // ---- subscriptions and notices

    /** Residents who ever accepted an emergency message, in pages (the sender asks WeChat only for them). */
    List<Long> subscribers(long afterResidentId, int limit) {
        return jdbc.sql("SELECT resident_id FROM emergency_quota WHERE resident_id > ? ORDER BY resident_id LIMIT ?")
                .params(afterResidentId, limit).query(Long.class).list();
    }

    /** One multi-row insert per page of residents; scheduling the same notice twice leaves one row. */
    int scheduleNotices(long emergencyId, List<Long> residentIds, LocalDateTime now) {
        java.util.StringJoiner values = new java.util.StringJoiner(", ");
        residentIds.forEach(id -> values.add("(:e, " + id.longValue() + ", 'PENDING', :now, 0, :now)"));
        return jdbc.sql("INSERT IGNORE INTO emergency_notice (emergency_id, resident_id, status, due_at, attempts, "
                        + "created_at) VALUES " + values)
                .param("e", emergencyId).param("now", now).update();
    }

    int remaining(long residentId) {
        return jdbc.sql("SELECT remaining FROM emergency_quota WHERE resident_id = ?").param(residentId)
                .query(Integer.class).optional().orElse(0);
    }

    /** One more acceptance, at most 50 kept (WeChat's own limit on accumulated acceptances is similar). */
    void addQuota(long residentId, LocalDateTime now) {
        jdbc.sql("INSERT INTO emergency_quota (resident_id, remaining, updated_at) VALUES (?, 1, ?) "
                        + "ON DUPLICATE KEY UPDATE remaining = LEAST(remaining + 1, 50), updated_at = VALUES(updated_at)")
                .params(residentId, now).update();
    }

    int useQuota(long residentId, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency_quota SET remaining = remaining - 1, updated_at = ? "
                        + "WHERE resident_id = ? AND remaining > 0").params(now, residentId).update();
    }

    void clearQuota(long residentId, LocalDateTime now) {
        jdbc.sql("UPDATE emergency_quota SET remaining = 0, updated_at = ? WHERE resident_id = ?")
                .params(now, residentId).update();
    }

    int claim(String token, LocalDateTime now, int limit) {
        return jdbc.sql("UPDATE emergency_notice SET status = 'SENDING', claim_token = ?, claimed_at = ?, "
                        + "attempts = attempts + 1 WHERE status = 'PENDING' AND due_at <= ? ORDER BY due_at, id LIMIT ?")
                .params(token, now, now, limit).update();
    }

    List<NoticeRow> claimed(String token) {
        return jdbc.sql("SELECT id, emergency_id, resident_id, attempts FROM emergency_notice "
                        + "WHERE claim_token = ? AND status = 'SENDING' ORDER BY id").param(token)
                .query((rs, n) -> new NoticeRow(rs.getLong("id"), rs.getLong("emergency_id"), rs.getLong("resident_id"),
                        rs.getInt("attempts"))).list();
    }

    int finish(long id, String token, String status, Integer errorCode, LocalDateTime now) {
        return jdbc.sql("UPDATE emergency_notice SET status = ?, sent_at = ?, error_code = ? "
                        + "WHERE id = ? AND status = 'SENDING' AND claim_token = ?")
                .params(status, now, errorCode, id, token).update();
    }

    int retryLater(long id, String token, Integer errorCode, LocalDateTime retryAt) {
        return jdbc.sql("UPDATE emergency_notice SET status = 'PENDING', due_at = ?, claim_token = NULL, error_code = ? "
                        + "WHERE id = ? AND status = 'SENDING' AND claim_token = ?")
                .params(retryAt, errorCode, id, token).update();
    }

    /** A sender died between claim and outcome: WeChat may have sent it, so it is never sent again. */
    int abandonStale(LocalDateTime before) {
        return jdbc.sql("UPDATE emergency_notice SET status = 'UNKNOWN' WHERE status = 'SENDING' AND claimed_at < ?")
                .param(before).update();
    }

    /** Messages about an emergency that has ended are not worth sending. */
    int skipEnded(LocalDateTime now) {
        return jdbc.sql("UPDATE emergency_notice n JOIN emergency e ON e.id = n.emergency_id SET n.status = 'SKIPPED' "
                        + "WHERE n.status = 'PENDING' AND e.ends_at <= ?").param(now).update();
    }

    // ---- personal data

    record ReadReceipt(long emergencyId, String title, LocalDateTime readAt) {
    }

    record Quota(int remaining, LocalDateTime updatedAt) {
    }

    record Message(long emergencyId, String title, String status, LocalDateTime sentAt) {
    }

    List<ReadReceipt> readReceipts(long residentId) {
        return jdbc.sql("SELECT r.emergency_id, e.title, r.read_at FROM emergency_read r JOIN emergency e "
                        + "ON e.id = r.emergency_id WHERE r.resident_id = ? ORDER BY r.read_at, r.emergency_id")
                .param(residentId).query((rs, n) -> new ReadReceipt(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class))).list();
    }

    Optional<Quota> quota(long residentId) {
        return jdbc.sql("SELECT remaining, updated_at FROM emergency_quota WHERE resident_id = ?").param(residentId)
                .query((rs, n) -> new Quota(rs.getInt(1), rs.getObject(2, LocalDateTime.class))).optional();
    }

    List<Message> messages(long residentId) {
        return jdbc.sql("SELECT n.emergency_id, e.title, n.status, n.sent_at FROM emergency_notice n JOIN emergency e "
                        + "ON e.id = n.emergency_id WHERE n.resident_id = ? ORDER BY n.id")
                .param(residentId).query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class))).list();
    }

    void erase(long residentId) {
        jdbc.sql("DELETE FROM emergency_read WHERE resident_id = ?").param(residentId).update();
        jdbc.sql("DELETE FROM emergency_quota WHERE resident_id = ?").param(residentId).update();
    }
}
