package cn.yunxi.kepu.quiz;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.UnitView;

/**
 * Who may run which quiz for whom. The district runs anything. A town or street (staff of a TOWN unit: its admin or
 * its organisers) runs its own contests for its own people: eligibility limited to the town and its villages (the
 * town itself when none is chosen). Self-tests stay district-wide: they feed the plan's self-test proxy figure.
 * Departments run contests and self-tests for any audience, as before.
 */
@Component
class QuizScope {

    private final StaffService staff;
    private final RegionService regions;

    QuizScope(StaffService staff, RegionService regions) {
        this.staff = staff;
        this.regions = regions;
    }

    /** The eligible regions to store: as requested, or the caller's town; refuses what is outside their scope. */
    List<String> eligibleRegions(QuizRequest request, CurrentUser caller) {
        List<String> requested = request.eligibleRegions() == null ? List.of() : request.eligibleRegions();
        String town = townOf(caller);
        if (town == null) {
            return requested;
        }
        if (request.kind() != QuizKind.CONTEST) {
            throw new ApiException(QuizErrors.QUIZ_OUT_OF_SCOPE, "镇（街道）可以组织竞赛；自测由区里统一组织");
        }
        if (requested.isEmpty()) {
            return List.of(town);
        }
        for (String code : requested) {
            RegionInfo region = regions.find(code).orElse(null);
            if (region == null || !town.equals(region.townCode())) {
                throw new ApiException(QuizErrors.QUIZ_OUT_OF_SCOPE,
                        "只能面向本镇（街道）及其村（社区）组织竞赛：" + (region == null ? code : region.name()) + " 不在范围内");
            }
        }
        return requested;
    }

    /** The region code of the caller's town, or null when they do not work for a town. */
    private String townOf(CurrentUser caller) {
        if (StaffRole.isDistrictAdmin(caller) || caller.unitId() == null) {
            return null;
        }
        return staff.unit(caller.unitId()).filter(u -> "TOWN".equals(u.kind())).map(UnitView::regionCode).orElse(null);
    }
}
