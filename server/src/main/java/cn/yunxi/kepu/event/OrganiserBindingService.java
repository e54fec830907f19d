package cn.yunxi.kepu.event;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.staff.StaffAccountDisabled;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffView;

/**
 * Organiser mode: a staff member binds their staff account to their WeChat (the resident login of the
 * mini-program) by giving its username and password once, checked exactly as a console login is. The binding,
 * not the resident token, then carries the staff account's role and unit into the organiser endpoints; it ends
 * when its owner unbinds, binds elsewhere, the staff account is disabled or the resident account is deleted, and
 * an account that is no longer active is refused even before the disabling event has been handled.
 */
@Service
class OrganiserBindingService {

    private static final Logger log = LoggerFactory.getLogger(OrganiserBindingService.class);

    record BindingView(long staffId, String displayName, String role, String roleLabel, Long unitId, String unitName,
                       OffsetDateTime boundAt) {
    }

    private final OrganiserBindingRepository bindings;
    private final StaffService staff;
    private final Clock clock;

    OrganiserBindingService(OrganiserBindingRepository bindings, StaffService staff, Clock clock) {
        this.bindings = bindings;
        this.staff = staff;
        this.clock = clock;
    }

    @Transactional
    BindingView bind(CurrentUser resident, String username, String password, String address) {
        StaffView account;
        try {
            account = staff.checkCredentials(username, password, address);
        } catch (ApiException e) {
            // Same words as a console login, but not 401: to the mini-program 401 means its own login expired,
            // and it would sign in again and retry instead of showing the reason.
            throw new ApiException(EventErrors.BAD_STAFF_CREDENTIALS);
        }
        LocalDateTime now = Times.now(clock);
        bindings.endForResident(resident.id(), "REPLACED", now);
        bindings.endForStaff(account.id(), "REPLACED", now);
        try {
            bindings.insert(account.id(), resident.id(), now, address);
        } catch (DuplicateKeyException e) {
            throw new ApiException(EventErrors.BINDING_CONFLICT);
        }
        // the audit trail is the binding row itself; this line lets operators follow it in the logs (ids only)
        log.info("Organiser binding: staff {} bound to resident {}", account.id(), resident.id());
        return view(account, now);
    }

    @Transactional
    void unbind(CurrentUser resident) {
        if (bindings.endForResident(resident.id(), "UNBOUND", Times.now(clock)) == 0) {
            throw new ApiException(EventErrors.NOT_AN_ORGANISER);
        }
        log.info("Organiser binding: resident {} unbound", resident.id());
    }

    BindingView current(CurrentUser resident) {
        OrganiserBindingRepository.Binding b = bindings.activeOfResident(resident.id())
                .orElseThrow(() -> new ApiException(EventErrors.NOT_AN_ORGANISER));
        return view(activeAccount(b), b.boundAt());
    }

    /** The staff member acting through this WeChat, with their role and unit, or 403 when there is none. */
    CurrentUser organiser(CurrentUser resident) {
        if (!resident.isResident()) {
            throw new ApiException(EventErrors.NOT_AN_ORGANISER);
        }
        OrganiserBindingRepository.Binding b = bindings.activeOfResident(resident.id())
                .orElseThrow(() -> new ApiException(EventErrors.NOT_AN_ORGANISER));
        StaffView account = activeAccount(b);
        return new CurrentUser(SubjectType.STAFF, account.id(), resident.sessionId(), Set.of(account.role().name()),
                account.unitId());
    }

    private StaffView activeAccount(OrganiserBindingRepository.Binding b) {
        return staff.staff(b.staffId()).filter(s -> "ACTIVE".equals(s.status()))
                .orElseThrow(() -> new ApiException(EventErrors.NOT_AN_ORGANISER));
    }

    private static BindingView view(StaffView s, LocalDateTime boundAt) {
        return new BindingView(s.id(), s.displayName(), s.role().name(), s.roleLabel(), s.unitId(), s.unitName(),
                Times.toOffset(boundAt));
    }

    @ApplicationModuleListener
    void on(StaffAccountDisabled disabled) {
        bindings.endForStaff(disabled.staffId(), "STAFF_DISABLED", Times.now(clock));
    }

    @ApplicationModuleListener
    void on(ResidentDeleted deleted) {
        bindings.endForResident(deleted.residentId(), "RESIDENT_DELETED", Times.now(clock));
        bindings.forgetResident(deleted.residentId());
    }
}
