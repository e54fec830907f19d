package cn.yunxi.kepu.officer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OfficerRepository {

    static final String SELECT = "SELECT id, resident_id, role, region_code, town_code, name_cipher, name_masked, "
            + "phone_masked, motivation, status, applied_at, reviewed_by, reviewed_at, review_note, last_active_on "
            + "FROM science_officer ";

    private final JdbcClient jdbc;

    OfficerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OfficerRow> find(long id) {
        return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(OfficerRow.class).optional();
    }

    Optional<OfficerRow> byResident(long residentId, String role) {
        return jdbc.sql(SELECT + "WHERE resident_id = ? AND role = ?").params(residentId, role).query(OfficerRow.class)
                .optional();
    }

    /** The resident's approved role, the information officer's first: whose shares and reach are theirs. */
    Optional<OfficerRow> approvedOfResident(long residentId) {
        return byResident(residentId, OfficerRole.INFO_OFFICER.name()).filter(o -> "APPROVED".equals(o.status()))
                .or(() -> byResident(residentId, OfficerRole.PROMOTER.name()).filter(o -> "APPROVED".equals(o.status())));
    }

    List<OfficerRow> ofResident(long residentId) {
        return jdbc.sql(SELECT + "WHERE resident_id = ? ORDER BY id").param(residentId).query(OfficerRow.class).list();
    }

    List<OfficerRow> approved(String role) {
        return jdbc.sql(SELECT + "WHERE role = ? AND status = 'APPROVED'").param(role).query(OfficerRow.class).list();
    }

    /**
     * Officers of the role approved before {@code reviewedBefore} (and still approved); with {@code activeFrom}, only
     * those with an activity, under any of the resident's officer rows, dated from {@code activeFrom} to {@code activeTo}.
     */
    List<OfficerRow> approvedBy(String role, LocalDateTime reviewedBefore, LocalDate activeFrom, LocalDate activeTo) {
        return jdbc.sql(SELECT + """
                WHERE role = ? AND status = 'APPROVED' AND reviewed_at < ?
                  AND (? IS NULL OR EXISTS (
                        SELECT 1 FROM officer_activity a JOIN science_officer x ON x.id = a.officer_id
                        WHERE (x.id = science_officer.id OR x.resident_id = science_officer.resident_id)
                          AND a.occurred_on BETWEEN ? AND ?))
                """).params(role, reviewedBefore, activeFrom, activeFrom, activeTo).query(OfficerRow.class).list();
    }

    void touchActive(long officerId, LocalDate day) {
        jdbc.sql("UPDATE science_officer SET last_active_on = GREATEST(COALESCE(last_active_on, ?), ?) WHERE id = ?")
                .params(day, day, officerId).update();
    }

    record OfficerRow(long id, Long residentId, String role, String regionCode, String townCode, String nameCipher,
                      String nameMasked, String phoneMasked, String motivation, String status, LocalDateTime appliedAt,
                      Long reviewedBy, LocalDateTime reviewedAt, String reviewNote, LocalDate lastActiveOn) {
    }
}
