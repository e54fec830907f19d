package cn.yunxi.kepu.staff;

import java.time.Clock;
import java.time.LocalDateTime;

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
    private final StaffViews views;
    private final Clock clock;

    StaffAdminService(StaffAccountMapper accounts, OrgUnitMapper units, PasswordEncoder passwords,
                      TokenService tokens, StaffViews views, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.passwords = passwords;
        this.tokens = tokens;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    StaffView create(CurrentUser actor, StaffRequests.CreateStaff request) {
        boolean districtAdmin = actor.hasRole(StaffRole.DISTRICT_ADMIN.name());
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
        account.setPasswordHash(passwords.encode(password));
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

    PageResult<StaffView> list(CurrentUser actor, PageQuery query) {
        LambdaQueryWrapper<StaffAccount> where = new LambdaQueryWrapper<StaffAccount>().orderByAsc(StaffAccount::getId);
        if (!actor.hasRole(StaffRole.DISTRICT_ADMIN.name())) {
            where.eq(StaffAccount::getUnitId, actor.unitId());
        }
        Page<StaffAccount> page = accounts.selectPage(Page.of(query.pageOrDefault(), query.sizeOrDefault()), where);
        return PageResult.of(page.getRecords().stream().map(views::view).toList(), page.getTotal(), query);
    }

    @Transactional
    StaffView setStatus(CurrentUser actor, long staffId, boolean active) {
        StaffAccount account = visible(actor, staffId);
        StaffAccount change = new StaffAccount();
        change.setId(account.getId());
        change.setStatus(active ? StaffAccount.ACTIVE : StaffAccount.DISABLED);
        change.setUpdatedAt(Times.now(clock));
        accounts.updateById(change);
        if (!active) {
            tokens.endAllSessions(SubjectType.STAFF, staffId, "DISABLED");
        }
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
        StaffAccount change = new StaffAccount();
        change.setId(account.getId());
        change.setPasswordHash(passwords.encode(request.newPassword()));
        change.setUpdatedAt(Times.now(clock));
        accounts.updateById(change);
        // Other devices logged in with the old password are logged out.
        tokens.endAllSessions(SubjectType.STAFF, account.getId(), "PASSWORD_CHANGED");
    }

    private StaffAccount visible(CurrentUser actor, long staffId) {
        StaffAccount account = accounts.selectById(staffId);
        boolean allowed = account != null && (actor.id() == staffId
                || actor.hasRole(StaffRole.DISTRICT_ADMIN.name())
                || (actor.unitId() != null && actor.unitId().equals(account.getUnitId())
                    && StaffRole.ORGANISER.name().equals(account.getRole())));
        if (!allowed) {
            throw new ApiException(StaffErrors.STAFF_NOT_FOUND);
        }
        return account;
    }
}
