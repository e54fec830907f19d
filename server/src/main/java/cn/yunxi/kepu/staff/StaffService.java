package cn.yunxi.kepu.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

/** Units and staff, for other features (ownership checks, "organised by", the plan's responsible units). */
@Service
public class StaffService {

    private final OrgUnitMapper units;
    private final StaffAccountMapper accounts;
    private final StaffViewFactory views;
    private final StaffLoginService logins;

    StaffService(OrgUnitMapper units, StaffAccountMapper accounts, StaffViewFactory views, StaffLoginService logins) {
        this.logins = logins;
        this.units = units;
        this.accounts = accounts;
        this.views = views;
    }

    public List<UnitView> units() {
        return units.selectList(new LambdaQueryWrapper<OrgUnit>().orderByAsc(OrgUnit::getSortOrder))
                .stream().map(views::unit).toList();
    }

    public Optional<UnitView> unit(long unitId) {
        return Optional.ofNullable(units.selectById(unitId)).map(views::unit);
    }

    public Optional<StaffView> staff(long staffId) {
        return Optional.ofNullable(accounts.selectById(staffId)).map(views::view);
    }

    /**
     * The active account behind a username and password, checked exactly as a login is (throttled per username
     * and address; every failure answers 401 {@code BAD_CREDENTIALS}). For features that let staff prove who
     * they are from elsewhere, such as binding an organiser's WeChat.
     */
    public StaffView checkCredentials(String username, String password, String address) {
        return views.view(logins.verify(username, password, address));
    }
}
