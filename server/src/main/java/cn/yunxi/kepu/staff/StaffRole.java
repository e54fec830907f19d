package cn.yunxi.kepu.staff;

import cn.yunxi.kepu.common.security.CurrentUser;

/** The roles a staff account holds; a token carries the role's name. */

public enum StaffRole {
    /** 区纲要办 / 区科协: sees and manages everything. */
    DISTRICT_ADMIN("区级管理员"),
    /** A department named in the plan: its own content, events, indicators. */
    UNIT_ADMIN("单位管理员"),
    /** A town or street: its villages, officers, events. */
    TOWN_ADMIN("镇街管理员"),
    /** Runs events on site: rosters, check-in. */
    ORGANISER("活动组织者");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the caller is the district admin, who sees and manages every unit's records. */
    public static boolean isDistrictAdmin(CurrentUser user) {
        return user.hasRole(DISTRICT_ADMIN.name());
    }
}
