package cn.yunxi.kepu.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.crypto.PersonalDataCipher;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.event.AttendanceConfirmed;
import cn.yunxi.kepu.event.EventKind;
import cn.yunxi.kepu.event.VolunteerRoster;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.UnitView;
import cn.yunxi.kepu.volunteer.VolunteerRecords.Certificate;
import cn.yunxi.kepu.volunteer.VolunteerRecords.RegisterRequest;
import cn.yunxi.kepu.volunteer.VolunteerRecords.ServiceView;
import cn.yunxi.kepu.volunteer.VolunteerRecords.VolunteerView;

/**
 * 科技志愿者: residents apply, the district admin (or the admin of the volunteer's town) approves, and service
 * hours come from volunteer-service events by the event feature's attendance rules ({@link AttendanceConfirmed}).
 */
@Service
class VolunteerService implements VolunteerRoster {

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private final VolunteerMapper volunteers;
    private final ServiceHoursMapper services;
    private final RegionService regions;
    private final StaffService staff;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    VolunteerService(VolunteerMapper volunteers, ServiceHoursMapper services, RegionService regions,
                      StaffService staff, PersonalDataCipher cipher, Clock clock) {
        this.volunteers = volunteers;
        this.services = services;
        this.regions = regions;
        this.staff = staff;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean isApprovedVolunteer(long residentId) {
        Volunteer v = volunteers.byResident(residentId);
        return v != null && APPROVED.equals(v.getStatus());
    }

    /** Apply, or apply again after a rejection. */
    @Transactional
    VolunteerView register(long residentId, RegisterRequest request) {
        if (regions.find(request.regionCode()).isEmpty()) {
            throw new ApiException(VolunteerErrors.REGION_NOT_FOUND);
        }
        LocalDateTime now = Times.now(clock);
        Volunteer existing = volunteers.byResident(residentId);
        if (existing != null && !REJECTED.equals(existing.getStatus())) {
            throw new ApiException(VolunteerErrors.ALREADY_REGISTERED);
        }
        Volunteer v = existing == null ? new Volunteer() : existing;
        v.setResidentId(residentId);
        v.setStatus(PENDING);
        v.setRealNameCipher(cipher.encrypt(request.realName().strip()));
        v.setRealNameMasked(PersonalDataCipher.maskName(request.realName().strip()));
        v.setSkills(String.join(",", request.skills().stream().map(String::strip).distinct().toList()));
        v.setRegionCode(request.regionCode());
        v.setAvailability(request.availability());
        v.setReviewNote(null);
        v.setUpdatedAt(now);
        try {
            if (existing == null) {
                v.setTotalHours(BigDecimal.ZERO);
                v.setServiceCount(0);
                v.setCreatedAt(now);
                volunteers.insert(v);
            } else {
                volunteers.updateById(v);
            }
        } catch (DuplicateKeyException e) {
            throw new ApiException(VolunteerErrors.ALREADY_REGISTERED);
        }
        return view(volunteers.selectById(v.getId()), true);
    }

    VolunteerView mine(long residentId) {
        return view(own(residentId), true);
    }

    PageResult<ServiceView> myServices(long residentId, PageQuery page) {
        return servicesOf(own(residentId).getId(), page);
    }

    Certificate certificate(long residentId) {
        Volunteer v = own(residentId);
        if (!APPROVED.equals(v.getStatus())) {
            throw new ApiException(VolunteerErrors.NOT_APPROVED);
        }
        List<ServiceHours> all = services.selectList(new LambdaQueryWrapper<ServiceHours>()
                .eq(ServiceHours::getVolunteerId, v.getId()).orderByAsc(ServiceHours::getServedOn));
        LocalDate first = all.isEmpty() ? null : all.get(0).getServedOn();
        LocalDate last = all.isEmpty() ? null : all.get(all.size() - 1).getServedOn();
        String name = v.getRealNameCipher() == null ? v.getRealNameMasked() : cipher.decrypt(v.getRealNameCipher());
        String regionName = regions.find(v.getRegionCode()).map(RegionInfo::name).orElse(null);
        String no = "YXKJZY-" + v.getCreatedAt().getYear() + "-" + String.format("%06d", v.getId());
        String statement = name + " 同志作为云溪区科技志愿者，累计参加志愿服务 " + v.getServiceCount() + " 次，服务时长 "
                + v.getTotalHours().stripTrailingZeros().toPlainString() + " 小时。特此证明。";
        return new Certificate(no, name, regionName, skills(v), v.getTotalHours(), v.getServiceCount(), first, last,
                OffsetDateTime.now(clock), "云溪区科学技术协会", statement);
    }

    PageResult<VolunteerView> list(CurrentUser user, String status, PageQuery page) {
        LambdaQueryWrapper<Volunteer> query = new LambdaQueryWrapper<Volunteer>()
                .eq(status != null, Volunteer::getStatus, status)
                .orderByDesc(Volunteer::getId);
        String town = townOf(user);
        if (town != null) {
            List<String> villages = regions.villages().stream().filter(r -> town.equals(r.townCode()))
                    .map(RegionInfo::code).toList();
            query.and(q -> q.eq(Volunteer::getRegionCode, town).or().in(!villages.isEmpty(), Volunteer::getRegionCode, villages));
        }
        Page<Volunteer> result = volunteers.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), query);
        return PageResult.of(result.getRecords().stream().map(v -> view(v, false)).toList(), result.getTotal(), page);
    }

    @Transactional
    VolunteerView review(CurrentUser user, long volunteerId, boolean approve, String note) {
        Volunteer v = scoped(user, volunteerId);
        // The applicant reads the reason and may apply again; an already reviewed application is NOT_PENDING below.
        if (!approve && (note == null || note.isBlank()) && PENDING.equals(v.getStatus())) {
            throw new ApiException(VolunteerErrors.REJECT_REASON_REQUIRED);
        }
        if (volunteers.review(v.getId(), approve ? APPROVED : REJECTED, note, user.id(), Times.now(clock)) != 1) {
            throw new ApiException(VolunteerErrors.NOT_PENDING);
        }
        return view(volunteers.selectById(volunteerId), false);
    }

    PageResult<ServiceView> services(CurrentUser user, long volunteerId, PageQuery page) {
        return servicesOf(scoped(user, volunteerId).getId(), page);
    }

    /** Hours from a volunteer-service event, once per attendance record. */
    @ApplicationModuleListener
    void on(AttendanceConfirmed attended) {
        if (attended.eventKind() != EventKind.VOLUNTEER_SERVICE || attended.residentId() == null) {
            return;
        }
        Volunteer v = volunteers.byResident(attended.residentId());
        if (v == null || !APPROVED.equals(v.getStatus())) {
            return;
        }
        LocalDateTime now = Times.now(clock);
        ServiceHours s = new ServiceHours();
        s.setVolunteerId(v.getId());
        s.setAttendanceId(attended.attendanceId());
        s.setEventId(attended.eventId());
        s.setEventTitle(attended.eventTitle());
        s.setHours(attended.hours());
        s.setServedOn(attended.occurredOn());
        s.setCreatedAt(now);
        if (volunteers.recordService(s) == 1) {
            volunteers.addHours(v.getId(), attended.hours(), now);
        }
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        volunteers.erase(deleted.residentId());
    }

    private PageResult<ServiceView> servicesOf(long volunteerId, PageQuery page) {
        Page<ServiceHours> result = services.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()),
                new LambdaQueryWrapper<ServiceHours>().eq(ServiceHours::getVolunteerId, volunteerId)
                        .orderByDesc(ServiceHours::getServedOn).orderByDesc(ServiceHours::getId));
        return PageResult.of(result.getRecords().stream().map(s -> new ServiceView(s.getId(), s.getEventId(),
                s.getEventTitle(), s.getHours(), s.getServedOn())).toList(), result.getTotal(), page);
    }

    private Volunteer own(long residentId) {
        Volunteer v = volunteers.byResident(residentId);
        if (v == null) {
            throw new ApiException(VolunteerErrors.VOLUNTEER_NOT_FOUND);
        }
        return v;
    }

    /** District admin: anyone; town admin: volunteers of their town; others: nobody ("not found"). */
    private Volunteer scoped(CurrentUser user, long volunteerId) {
        Volunteer v = volunteers.selectById(volunteerId);
        if (v == null) {
            throw new ApiException(VolunteerErrors.VOLUNTEER_NOT_FOUND);
        }
        String town = townOf(user);
        if (town != null && !town.equals(regions.find(v.getRegionCode()).map(RegionInfo::townCode).orElse(null))) {
            throw new ApiException(VolunteerErrors.VOLUNTEER_NOT_FOUND);
        }
        return v;
    }

    /** The town a town admin administers; null for the district admin (no restriction). */
    private String townOf(CurrentUser user) {
        if (StaffRole.isDistrictAdmin(user)) {
            return null;
        }
        return staff.unit(Objects.requireNonNull(user.unitId())).map(UnitView::regionCode)
                .orElseThrow(() -> new ApiException(VolunteerErrors.VOLUNTEER_NOT_FOUND));
    }

    private VolunteerView view(Volunteer v, boolean self) {
        String name = self && v.getRealNameCipher() != null ? cipher.decrypt(v.getRealNameCipher()) : v.getRealNameMasked();
        return new VolunteerView(v.getId(), v.getResidentId(), v.getStatus(), name, skills(v), v.getRegionCode(),
                regions.find(v.getRegionCode()).map(RegionInfo::name).orElse(null), v.getAvailability(),
                v.getReviewNote(), Times.toOffset(v.getReviewedAt()), v.getTotalHours(), v.getServiceCount(),
                Times.toOffset(v.getCreatedAt()));
    }

    private static List<String> skills(Volunteer v) {
        return v.getSkills() == null || v.getSkills().isBlank() ? List.of() : List.of(v.getSkills().split(","));
    }
}
