package cn.yunxi.kepu.staff;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.security.SubjectType;
import cn.yunxi.kepu.common.security.TokenService;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;

/**
 * Staff accounts. The district admin manages everyone; a unit or town admin may add organisers to their own
 * unit and sees only their unit's accounts.
 */
@Service
class StaffAdminService {

    private final StaffAccountMapper accounts;
    private final OrgUnitMapper units;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final StaffViewFactory views;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    StaffAdminService(StaffAccountMapper accounts, OrgUnitMapper units, PasswordEncoder passwords,
                      TokenService tokens, StaffViewFactory views, Clock clock, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.accounts = accounts;
        this.units = units;
        this.passwords = passwords;
        this.tokens = tokens;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    StaffView create(CurrentUser actor, StaffRequests.CreateStaff request) {
        boolean districtAdmin = StaffRole.isDistrictAdmin(actor);
        Long unitId = request.unitId();
        if (!districtAdmin) {
            // Unit and town admins may only add organisers, and only to their own unit.
            if (request.role() != StaffRole.ORGANISER || (unitId != null && !unitId.equals(actor.unitId()))) {
                throw new ApiException(StaffErrors.ROLE_NOT_ALLOWED);
            }
            unitId = actor.unitId();
        }
        if (request.role() != StaffRole.DISTRICT_ADMIN && unitId == null) {
            throw new ApiException(StaffErrors.UNIT_REQUIRED);
        }
        if (unitId != null && units.selectById(unitId) == null) {
            throw new ApiException(StaffErrors.UNIT_NOT_FOUND);
        }
        return views.view(insert(request.username(), request.displayName(), request.role(), unitId,
                request.password()));
    }

    /** Used by {@link #create} and by the first-admin bootstrap. */
    StaffAccount insert(String username, String displayName, StaffRole role, Long unitId, String password) {
        LocalDateTime now = Times.now(clock);
        StaffAccount account = new StaffAccount();
        account.setUsername(username);
        account.setDisplayName(displayName);
        account.setRole(role.name());
        account.setUnitId(role == StaffRole.DISTRICT_ADMIN ? null : unitId);
        StaffPasswords.requireFits(password);
        account.setPasswordHash(passwords.encode(password));
        // Someone else chose this password (the bootstrap variables, or the admin creating the account).
        account.setMustChangePassword(true);
        account.setStatus(StaffAccount.ACTIVE);
        account.setFailedLoginCount(0);
        account.setCreatedAt(now);
        account.setUpdatedAt(now);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw new ApiException(StaffErrors.USERNAME_TAKEN);
        }
        return account;
    }

    enum AccountStatus { ACTIVE, DISABLED }

    /** The staff list's filters; any may be absent. A unit's admin is held to their unit whatever unitId says. */
    record StaffFilter(StaffRole role, Long unitId, AccountStatus status, String keyword) {
    }

    PageResult<StaffView> list(CurrentUser actor, PageQuery query, StaffFilter filter) {
        LambdaQueryWrapper<StaffAccount> where = new LambdaQueryWrapper<StaffAccount>().orderByDesc(StaffAccount::getId);
        if (!StaffRole.isDistrictAdmin(actor)) {
            where.eq(StaffAccount::getUnitId, actor.unitId());
        } else if (filter.unitId() != null) {
            where.eq(StaffAccount::getUnitId, filter.unitId());
        }
        where.eq(filter.role() != null, StaffAccount::getRole, filter.role() == null ? null : filter.role().name());
        where.eq(filter.status() != null, StaffAccount::getStatus, filter.status() == null ? null : filter.status().name());
        String keyword = filter.keyword() == null ? "" : filter.keyword().strip();
        if (!keyword.isEmpty()) {
            where.and(w -> w.like(StaffAccount::getUsername, keyword).or().like(StaffAccount::getDisplayName, keyword));
        }
        Page<StaffAccount> page = accounts.selectPage(Page.of(query.pageOrDefault(), query.sizeOrDefault()), where);
        return PageResult.of(page.getRecords().stream().map(views::view).toList(), page.getTotal(), query);
    }

    @Transactional
    StaffView setStatus(CurrentUser actor, long staffId, boolean active) {
        StaffAccount account = visible(actor, staffId);
        if (!active && account.getId() == actor.id()) {
            throw new ApiException(StaffErrors.DISABLE_SELF);
        }
        StaffAccount change = new StaffAccount();
        change.setId(account.getId());
        change.setStatus(active ? StaffAccount.ACTIVE : StaffAccount.DISABLED);
        change.setUpdatedAt(Times.now(clock));
        accounts.updateById(change);
        if (!active) {
            tokens.endAllSessions(SubjectType.STAFF, staffId, "DISABLED");
            publisher.publishEvent(new StaffAccountDisabled(staffId));
        }
        return views.view(accounts.selectById(staffId));
    }

    /**
     * The district admin gives an account another name, role or unit. Tokens carry the role and unit, so a change of
     * either ends the account's logins: the next login gets the new ones. Nobody changes their own role (a district
     * admin could otherwise leave the district without one by mistake).
     */
    @Transactional
    StaffView update(CurrentUser actor, long staffId, StaffRequests.UpdateStaff request) {
        StaffAccount account = visible(actor, staffId);
        Long unitId = request.role() == StaffRole.DISTRICT_ADMIN ? null : request.unitId();
        boolean scopeChanges = !request.role().name().equals(account.getRole())
                || !Objects.equals(unitId, account.getUnitId());
        if (scopeChanges && account.getId() == actor.id()) {
            throw new ApiException(StaffErrors.CHANGE_OWN_ROLE);
        }
        if (request.role() != StaffRole.DISTRICT_ADMIN && unitId == null) {
            throw new ApiException(StaffErrors.UNIT_REQUIRED);
        }
        if (unitId != null && units.selectById(unitId) == null) {
            throw new ApiException(StaffErrors.UNIT_NOT_FOUND);
        }
        // Through SQL: updateById would skip a unit set to NULL (an account made district admin).
        accounts.updateProfile(staffId, request.displayName().strip(), request.role().name(), unitId,
                Times.now(clock));
        if (scopeChanges) {
            tokens.endAllSessions(SubjectType.STAFF, staffId, "ROLE_CHANGED");
        }
        return views.view(accounts.selectById(staffId));
    }

    /**
     * An admin sets a new password for someone who lost theirs: the owner must replace it at the next login, and
     * every login made with the old one ends.
     */
    @Transactional
    StaffView resetPassword(CurrentUser actor, long staffId, StaffRequests.ResetPassword request) {
        StaffAccount account = visible(actor, staffId);
        if (account.getId() == actor.id()) {
            throw new ApiException(StaffErrors.RESET_OWN_PASSWORD);
        }
        StaffPasswords.requireFits(request.password());
        StaffAccount change = new StaffAccount();
        change.setId(account.getId());
        change.setPasswordHash(passwords.encode(request.password()));
        change.setMustChangePassword(true);
        change.setUpdatedAt(Times.now(clock));
        accounts.updateById(change);
        tokens.endAllSessions(SubjectType.STAFF, account.getId(), "PASSWORD_RESET");
        return views.view(accounts.selectById(staffId));
    }

    StaffView me(CurrentUser actor) {
        return views.view(visible(actor, actor.id()));
    }

    @Transactional
    void changeOwnPassword(CurrentUser actor, StaffRequests.ChangePassword request) {
        StaffAccount account = visible(actor, actor.id());
        if (!passwords.matches(request.oldPassword(), account.getPasswordHash())) {
            throw new ApiException(StaffErrors.WRONG_PASSWORD);
        }
        StaffPasswords.requireFits(request.newPassword());
        if (request.newPassword().equals(request.oldPassword())) {
            throw new ApiException(StaffErrors.PASSWORD_UNCHANGED);
        }
        StaffAccount change = new StaffAccount();
        change.setId(account.getId());
        change.setPasswordHash(passwords.encode(request.newPassword()));
        change.setMustChangePassword(false);
        change.setUpdatedAt(Times.now(clock));
        accounts.updateById(change);
        // Every login made with the old password ends, this one included: the console logs in again with the new one.
        tokens.endAllSessions(SubjectType.STAFF, account.getId(), "PASSWORD_CHANGED");
    }

    private StaffAccount visible(CurrentUser actor, long staffId) {
        StaffAccount account = accounts.selectById(staffId);
        boolean allowed = account != null && (actor.id() == staffId
                || StaffRole.isDistrictAdmin(actor)
                || (actor.unitId() != null && actor.unitId().equals(account.getUnitId())
                    && StaffRole.ORGANISER.name().equals(account.getRole())));
        if (!allowed) {
            throw new ApiException(StaffErrors.STAFF_NOT_FOUND);
        }
        return account;
    }
}
