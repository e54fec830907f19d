package cn.yunxi.kepu.event;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.FieldError;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Whom a town may run an event for. A town or street (staff of a TOWN unit) organises its own trainings and
 * activities; when it limits who may sign up by region, it may only name itself and its own villages — another
 * town's people are that town's to invite. Leaving the region open is allowed: a training in the town hall may
 * take whoever comes. The district and departments name any region.
 */
@Component
class EventScope {

    private final StaffService staff;
    private final RegionService regions;

    EventScope(StaffService staff, RegionService regions) {
        this.staff = staff;
        this.regions = regions;
    }

    /** Errors for eligible regions outside the caller's town (none for callers who do not work for a town). */
    List<FieldError> check(CurrentUser caller, List<String> eligibleRegions) {
        String town = townOf(caller);
        List<FieldError> errors = new ArrayList<>();
        if (town == null || eligibleRegions == null) {
            return errors;
        }
        for (String code : eligibleRegions) {
            RegionInfo region = regions.find(code).orElse(null);
            if (region != null && !town.equals(region.townCode())) {
                errors.add(new FieldError("eligibleRegions",
                        "只能面向本镇（街道）及其村（社区）组织活动：" + region.name() + " 不在范围内"));
            }
        }
        return errors;
    }

    /** The region code of the caller's town, or null when they do not work for a town. */
    private String townOf(CurrentUser caller) {
        if (StaffRole.isDistrictAdmin(caller) || caller.unitId() == null) {
            return null;
        }
        return staff.unit(caller.unitId()).filter(u -> "TOWN".equals(u.kind())).map(UnitView::regionCode).orElse(null);
    }
}
