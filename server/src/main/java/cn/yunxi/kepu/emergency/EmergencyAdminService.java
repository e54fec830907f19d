package cn.yunxi.kepu.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.emergency.EmergencyViews.AuditView;
import cn.yunxi.kepu.emergency.EmergencyViews.DeliveryView;
import cn.yunxi.kepu.emergency.EmergencyViews.EmergencyView;
import cn.yunxi.kepu.emergency.EmergencyViews.TargetView;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffView;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Publishing an emergency. Two ways, both fast and both recorded: a pre-approved template goes out when its author
 * types the confirmation; free text waits for a second district admin (never its author). Every emergency has an
 * end no more than {@link #LONGEST} ahead; messages are queued at the moment it is published.
 */
@Service
class EmergencyAdminService {

    static final Duration LONGEST = Duration.ofDays(30);

    private final EmergencyRepository repository;
    private final EmergencyAudience audience;
    private final RunningEmergencies running;
    private final StaffService staff;
    private final Clock clock;

    EmergencyAdminService(EmergencyRepository repository, EmergencyAudience audience, RunningEmergencies running,
                          StaffService staff, Clock clock) {
        this.repository = repository;
        this.audience = audience;
        this.running = running;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    EmergencyView fromTemplate(CurrentUser user, EmergencyRequests.FromTemplate request) {
        LocalDateTime now = Times.now(clock);
        EmergencyRepository.TemplateRow template = repository.template(request.templateId())
                .filter(EmergencyRepository.TemplateRow::active)
                .orElseThrow(() -> new ApiException(EmergencyErrors.EMERGENCY_TEMPLATE_NOT_FOUND));
        List<String> targets = audience.targets(request.wholeDistrict(), request.regionCodes());
        LocalDateTime endsAt = end(request.endsAt(), now);
        if (!EmergencyRequests.CONFIRM_TEXT.equals(request.confirmText() == null ? null : request.confirmText().strip())) {
            throw new ApiException(EmergencyErrors.EMERGENCY_CONFIRMATION_REQUIRED);
        }
        long id = repository.insert("TEMPLATE", template.id(), template.title(), template.body(), "PUBLISHED",
                request.wholeDistrict(), endsAt, user.id(), now, user.id());
        repository.insertTargets(id, targets);
        repository.audit(id, "DRAFTED", user.id(), now);
        repository.audit(id, "CONFIRMED", user.id(), now);
        audience.scheduleNotices(id, request.wholeDistrict(), targets, now);
        running.changed();
        return get(id);
    }

    @Transactional
    EmergencyView draft(CurrentUser user, EmergencyRequests.FreeText request) {
        LocalDateTime now = Times.now(clock);
        List<String> targets = audience.targets(request.wholeDistrict(), request.regionCodes());
        LocalDateTime endsAt = end(request.endsAt(), now);
        long id = repository.insert("FREE_TEXT", null, request.title().strip(), request.body().strip(), "PENDING",
                request.wholeDistrict(), endsAt, user.id(), now, null);
        repository.insertTargets(id, targets);
        repository.audit(id, "DRAFTED", user.id(), now);
        return get(id);
    }

    @Transactional
    EmergencyView approve(CurrentUser user, long id) {
        LocalDateTime now = Times.now(clock);
        EmergencyRepository.Row row = row(id);
        if (!"PENDING".equals(row.status())) {
            throw new ApiException(EmergencyErrors.EMERGENCY_STATE);
        }
        if (row.draftedBy() == user.id()) {
            throw new ApiException(EmergencyErrors.EMERGENCY_SELF_APPROVAL);
        }
        if (!row.endsAt().isAfter(now)) {
            throw new ApiException(EmergencyErrors.EMERGENCY_EXPIRED);
        }
        // Conditional: of two admins approving at once, one publishes and the other is told it changed.
        if (repository.approve(id, user.id(), now) == 0) {
            throw new ApiException(EmergencyErrors.EMERGENCY_STATE);
        }
        repository.audit(id, "APPROVED", user.id(), now);
        audience.scheduleNotices(id, row.wholeDistrict(), repository.targets(id), now);
        running.changed();
        return get(id);
    }

    @Transactional
    EmergencyView reject(CurrentUser user, long id, String reason) {
        LocalDateTime now = Times.now(clock);
        row(id);
        if (reason == null || reason.isBlank()) {
            throw new ApiException(EmergencyErrors.EMERGENCY_REASON_REQUIRED);
        }
        if (repository.reject(id, reason.strip(), now) == 0) {
            throw new ApiException(EmergencyErrors.EMERGENCY_STATE);
        }
        repository.audit(id, "REJECTED", user.id(), now);
        return get(id);
    }

    /** Ends a running emergency now: it leaves residents' screens and its unsent messages are dropped. */
    @Transactional
    EmergencyView end(CurrentUser user, long id) {
        LocalDateTime now = Times.now(clock);
        row(id);
        if (repository.end(id, user.id(), now) == 0) {
            throw new ApiException(EmergencyErrors.EMERGENCY_STATE);
        }
        repository.audit(id, "ENDED", user.id(), now);
        running.changed();
        return get(id);
    }

    @Transactional(readOnly = true)
    PageResult<EmergencyView> list(CurrentUser user, EmergencyStatus status, PageQuery page) {
        LocalDateTime now = Times.now(clock);
        String filter = status == null ? null : status.name();
        List<String> places = scopeOf(user);
        List<EmergencyView> items = repository.list(filter, now, page.sizeOrDefault(), page.offset(), places).stream()
                .map(r -> view(r, now)).toList();
        return PageResult.of(items, repository.count(filter, now, places), page);
    }

    @Transactional(readOnly = true)
    EmergencyView get(CurrentUser user, long id) {
        List<String> places = scopeOf(user);
        if (places != null && !repository.inScope(id, places)) {
            throw new ApiException(EmergencyErrors.EMERGENCY_NOT_FOUND);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    EmergencyView get(long id) {
        return view(row(id), Times.now(clock));
    }

    /**
     * What the caller may see: null for the district admin (everything, drafts included); for a town's staff the
     * town and its villages, whose published emergencies (and the whole district's) they follow read-only, since
     * their residents are the ones who see the banner and call the town.
     */
    private List<String> scopeOf(CurrentUser user) {
        if (StaffRole.isDistrictAdmin(user)) {
            return null;
        }
        String town = user.unitId() == null ? null : staff.unit(user.unitId()).filter(u -> "TOWN".equals(u.kind()))
                .map(UnitView::regionCode).orElse(null);
        return audience.townAndVillages(town);
    }

    private EmergencyRepository.Row row(long id) {
        return repository.find(id).orElseThrow(() -> new ApiException(EmergencyErrors.EMERGENCY_NOT_FOUND));
    }

    private static LocalDateTime end(OffsetDateTime endsAt, LocalDateTime now) {
        LocalDateTime end = endsAt.atZoneSameInstant(Zones.SHANGHAI).toLocalDateTime();
        if (!end.isAfter(now) || end.isAfter(now.plus(LONGEST))) {
            throw new ApiException(EmergencyErrors.EMERGENCY_END_REQUIRED);
        }
        // whole seconds: what is stored is what is answered, on MariaDB and MySQL alike
        return end.withNano(0);
    }

    private EmergencyView view(EmergencyRepository.Row r, LocalDateTime now) {
        EmergencyStatus status = EmergencyStatus.of(r, now);
        Map<String, Integer> counts = repository.noticeCounts(r.id());
        DeliveryView delivery = new DeliveryView(
                counts.getOrDefault("PENDING", 0) + counts.getOrDefault("SENDING", 0),
                counts.getOrDefault("SENT", 0), counts.getOrDefault("NO_QUOTA", 0), counts.getOrDefault("REFUSED", 0),
                counts.getOrDefault("FAILED", 0) + counts.getOrDefault("UNKNOWN", 0),
                repository.readCount(r.id()));
        List<TargetView> targets = repository.targets(r.id()).stream()
                .map(code -> new TargetView(code, audience.name(code))).toList();
        List<AuditView> audit = repository.audit(r.id()).stream()
                .map(a -> new AuditView(a.action(), actionLabel(a.action()), a.staffId(), staffName(a.staffId()),
                        Times.toOffset(a.at()))).toList();
        return new EmergencyView(r.id(), r.source(), r.templateId(), r.title(), r.body(), status.name(),
                status.label(), r.wholeDistrict(), targets, Times.toOffset(r.endsAt()), r.draftedBy(),
                staffName(r.draftedBy()), Times.toOffset(r.draftedAt()), r.approvedBy(),
                r.approvedBy() == null ? null : staffName(r.approvedBy()), Times.toOffset(r.approvedAt()),
                Times.toOffset(r.publishedAt()), r.rejectReason(), delivery, audit);
    }

    private String staffName(long staffId) {
        return staff.staff(staffId).map(StaffView::displayName).orElse("工作人员 " + staffId);
    }

    private static String actionLabel(String action) {
        return switch (action) {
            case "DRAFTED" -> "起草";
            case "CONFIRMED" -> "按模板确认发布";
            case "APPROVED" -> "审批发布";
            case "REJECTED" -> "驳回";
            case "ENDED" -> "提前结束";
            default -> action;
        };
    }
}
