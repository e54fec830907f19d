package cn.yunxi.kepu.staff;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.time.Times;

@Component
class StaffViewFactory {

    private final OrgUnitMapper units;

    StaffViewFactory(OrgUnitMapper units) {
        this.units = units;
    }

    StaffView view(StaffAccount a) {
        StaffRole role = a.staffRole();
        OrgUnit unit = a.getUnitId() == null ? null : units.selectById(a.getUnitId());
        return new StaffView(a.getId(), a.getUsername(), a.getDisplayName(), role, role.label(), a.getUnitId(),
                unit == null ? null : unit.getName(), unit == null ? null : unit.getKind(), a.getStatus(),
                Boolean.TRUE.equals(a.getMustChangePassword()), Times.toOffset(a.getLastLoginAt()));
    }

    UnitView unit(OrgUnit u) {
        return new UnitView(u.getId(), u.getCode(), u.getName(), u.getKind(), u.getRegionCode());
    }
}
