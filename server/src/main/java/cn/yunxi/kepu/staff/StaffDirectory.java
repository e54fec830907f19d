package cn.yunxi.kepu.staff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

/** Units and staff, for other features (ownership checks, "organised by", the plan's responsible units). */
@Service
public class StaffDirectory {

    private final OrgUnitMapper units;
    private final StaffAccountMapper accounts;
    private final StaffViews views;

    StaffDirectory(OrgUnitMapper units, StaffAccountMapper accounts, StaffViews views) {
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

    public Optional<UnitView> unitByName(String name) {
        return units.selectList(new LambdaQueryWrapper<OrgUnit>().eq(OrgUnit::getName, name))
                .stream().findFirst().map(views::unit);
    }

    public Optional<StaffView> staff(long staffId) {
        return Optional.ofNullable(accounts.selectById(staffId)).map(views::view);
    }
}
