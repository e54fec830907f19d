package cn.yunxi.kepu.indicator;

import cn.yunxi.kepu.common.security.CurrentUser;

final class Access {

    private Access() {
    }

    static boolean isDistrictAdmin(CurrentUser user) {
        return user.hasRole("DISTRICT_ADMIN");
    }
}
