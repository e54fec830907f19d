package cn.yunxi.kepu.officer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.personaldata.PersonalDataSection;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.officer.OfficerRepository.OfficerRow;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/** Applications of residents to serve their village/community, their approval by the town, and officers' reach. */
@Service
class OfficerService implements PersonalDataSection {

    private final OfficerRepository officers;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final RegionService regions;
    private final StaffService staff;
    private final OfficerCoverageService coverage;
    private final Clock clock;

    OfficerService(OfficerRepository officers, JdbcClient jdbc, PersonalDataCipher cipher, RegionService regions,
                   StaffService staff, OfficerCoverageService coverage, Clock clock) {
        this.officers = officers;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.regions = regions;
        this.staff = staff;
        this.coverage = coverage;
        this.clock = clock;
    }

    @Transactional
    OfficerView apply(long residentId, OfficerRequests.Apply r) {
        RegionInfo village = regions.find(r.regionCode()).filter(v -> regions.isVillage(v.code()))
                .orElseThrow(() -> new ApiException(OfficerErrors.REGION_NOT_VILLAGE));
        Optional<OfficerRow> existing = officers.byResident(residentId, r.role().name());
        var now = Times.now(clock);
        if (existing.isPresent()) {
            OfficerRow o = existing.get();
            if ("PENDING".equals(o.status())) {
                throw new ApiException(OfficerErrors.ALREADY_APPLIED);
            }
            if ("APPROVED".equals(o.status())) {
                throw new ApiException(OfficerErrors.ALREADY_OFFICER);
            }
            // a rejected or revoked applicant may apply again: the row goes back to PENDING
            jdbc.sql("""
                    UPDATE science_officer SET region_code = ?, town_code = ?, name_cipher = ?, name_masked = ?,
                        phone_cipher = ?, phone_hash = ?, phone_masked = ?, motivation = ?, status = 'PENDING',
                        applied_at = ?, reviewed_by = NULL, reviewed_at = NULL, review_note = NULL
                    WHERE id = ? AND status IN ('REJECTED', 'REVOKED')
                    """).params(village.code(), village.townCode(), cipher.encrypt(r.realName()),
                    PersonalDataCipher.maskName(r.realName()), cipher.encrypt(r.phone()), cipher.lookupHash(r.phone()),
                    PersonalDataCipher.maskPhone(r.phone()), r.motivation(), now, o.id()).update();
            return view(officers.find(o.id()).orElseThrow(), false);
        }
        try {
            jdbc.sql("""
                    INSERT INTO science_officer (resident_id, role, region_code, town_code, name_cipher, name_masked,
                        phone_cipher, phone_hash, phone_masked, motivation, status, applied_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                    """).params(residentId, r.role().name(), village.code(), village.townCode(),
                    cipher.encrypt(r.realName()), PersonalDataCipher.maskName(r.realName()), cipher.encrypt(r.phone()),
                    cipher.lookupHash(r.phone()), PersonalDataCipher.maskPhone(r.phone()), r.motivation(), now).update();
        } catch (DuplicateKeyException e) {
            throw new ApiException(OfficerErrors.ALREADY_APPLIED);
        }
        return view(officers.byResident(residentId, r.role().name()).orElseThrow(), false);
    }

    List<OfficerView> mine(long residentId) {
        return officers.ofResident(residentId).stream().map(o -> view(o, false)).toList();
    }

    ReachView reach(long residentId) {
        OfficerRow o = officers.approvedOfResident(residentId)
                .orElseThrow(() -> new ApiException(OfficerErrors.NOT_OFFICER));
        long shares = jdbc.sql("SELECT COUNT(*) FROM officer_activity WHERE officer_id = ? AND kind = 'SHARE'")
                .param(o.id()).query(Long.class).single();
        long activities = jdbc.sql("SELECT COUNT(*) FROM officer_activity WHERE officer_id = ? AND kind = 'ACTIVITY'")
                .param(o.id()).query(Long.class).single();
        long reached = jdbc.sql("SELECT COUNT(DISTINCT so.viewer_key) FROM officer_share_open so "
                        + "JOIN officer_activity a ON a.id = so.activity_id WHERE a.officer_id = ?")
                .param(o.id()).query(Long.class).single();
        return new ReachView(o.id(), shares, activities, reached, o.lastActiveOn(), isActive(o), coverage.activeDays());
    }

    PageResult<OfficerView> list(CurrentUser user, String status, String role, PageQuery page) {
        String town = townScope(user);
        String where = " WHERE (? IS NULL OR status = ?) AND (? IS NULL OR role = ?) AND (? IS NULL OR town_code = ?)";
        Object[] args = {status, status, role, role, town, town};
        long total = jdbc.sql("SELECT COUNT(*) FROM science_officer" + where).params(args).query(Long.class).single();
        Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
        paged[args.length] = page.sizeOrDefault();
        paged[args.length + 1] = page.offset();
        List<OfficerView> items = jdbc.sql(OfficerRepository.SELECT + where + " ORDER BY applied_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(paged).query(OfficerRow.class).list().stream().map(o -> view(o, true)).toList();
        return PageResult.of(items, total, page);
    }

    /** Coverage of villages as the plan counts it; a town admin sees their town's villages only. */
    CoverageReport coverage(CurrentUser user, OfficerRole role) {
        CoverageReport all = coverage.coverage(role);
        String town = townScope(user);
        if (town == null) {
            return all;
        }
        List<CoverageReport.VillageCoverage> mine = all.villages().stream().filter(v -> town.equals(v.townCode())).toList();
        return new CoverageReport(role, (int) mine.stream().filter(CoverageReport.VillageCoverage::covered).count(),
                mine.size(), mine);
    }

    @Transactional
    OfficerView review(CurrentUser user, long id, boolean approve, String note) {
        OfficerRow o = scoped(user, id);
        if (!approve && (note == null || note.isBlank())) {
            throw new ApiException(OfficerErrors.REJECT_REASON_REQUIRED);
        }
        int updated = jdbc.sql("UPDATE science_officer SET status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? "
                        + "WHERE id = ? AND status = 'PENDING'")
                .params(approve ? "APPROVED" : "REJECTED", user.id(), Times.now(clock), note, o.id()).update();
        if (updated == 0) {
            throw new ApiException(OfficerErrors.NOT_PENDING);
        }
        return view(officers.find(id).orElseThrow(), true);
    }

    /** A town admin sees and decides only applications of villages in their town; the district admin all. */
    private OfficerRow scoped(CurrentUser user, long id) {
        OfficerRow o = officers.find(id).orElseThrow(() -> new ApiException(OfficerErrors.OFFICER_NOT_FOUND));
        String town = townScope(user);
        if (town != null && !town.equals(o.townCode())) {
            throw new ApiException(OfficerErrors.OUTSIDE_TOWN);
        }
        return o;
    }

    private String townScope(CurrentUser user) {
        if (StaffRole.isDistrictAdmin(user)) {
            return null;
        }
        return staff.unit(user.unitId() == null ? -1 : user.unitId()).map(UnitView::regionCode).orElse("-");
    }

    private boolean isActive(OfficerRow o) {
        LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
        return "APPROVED".equals(o.status()) && o.lastActiveOn() != null
                && !o.lastActiveOn().isBefore(today.minusDays(coverage.activeDays() - 1L));
    }

    private OfficerView view(OfficerRow o, boolean forStaff) {
        String region = regions.find(o.regionCode()).map(RegionInfo::name).orElse(o.regionCode());
        String town = regions.find(o.townCode()).map(RegionInfo::name).orElse(o.townCode());
        return new OfficerView(o.id(), o.role(), OfficerRole.valueOf(o.role()).label(), o.regionCode(), region, town,
                o.nameMasked(), o.phoneMasked(), o.motivation(), o.status(), Times.toOffset(o.appliedAt()),
                Times.toOffset(o.reviewedAt()), o.reviewNote(), o.lastActiveOn(), isActive(o), o.residentId());
    }

    // ---- personal data -----------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "scienceOfficers";
    }

    @Override
    public Object export(long residentId) {
        return officers.ofResident(residentId).stream().map(o -> new ExportedOfficer(o.role(), o.regionCode(),
                cipher.decrypt(o.nameCipher()), o.phoneMasked(), o.status(), Times.toOffset(o.appliedAt()))).toList();
    }

    @ApplicationModuleListener
    void on(ResidentDeleted event) {
        // Keep the row (coverage history stays countable) but nothing that leads back to the person.
        jdbc.sql("""
                UPDATE science_officer SET resident_id = NULL, name_cipher = NULL, name_masked = NULL,
                    phone_cipher = NULL, phone_hash = NULL, phone_masked = NULL, motivation = NULL,
                    status = CASE WHEN status = 'REJECTED' THEN status ELSE 'REVOKED' END
                WHERE resident_id = ?
                """).param(event.residentId()).update();
        // The shares they opened still count as reach (one reader), under a key that no longer names them.
        jdbc.sql("UPDATE officer_share_open SET viewer_key = ? WHERE viewer_key = ?")
                .params("D:" + UUID.randomUUID(), "R:" + event.residentId()).update();
    }

    record ExportedOfficer(String role, String regionCode, String realName, String phoneMasked, String status,
                           OffsetDateTime appliedAt) {
    }

    /**
     * @param residentId the officer's resident account (null once deleted): what staff name when an event is
     *                   organised by this officer
     * @param nameMasked  null once the resident deleted the account (personal data erased, the record kept)
     * @param phoneMasked null for the same reason
     */
    record OfficerView(long id, String role, String roleLabel, String regionCode, String regionName, String townName,
                       @Nullable String nameMasked, @Nullable String phoneMasked, @Nullable String motivation, String status,
                       OffsetDateTime appliedAt, @Nullable OffsetDateTime reviewedAt, @Nullable String reviewNote,
                       @Nullable LocalDate lastActiveOn, boolean active, Long residentId) {
    }

    /**
     * @param reachedResidents distinct residents who opened something this officer shared
     */
    record ReachView(long officerId, long shares, long activities, long reachedResidents,
                     @Nullable LocalDate lastActiveOn, boolean active, int activeDays) {
    }
}
