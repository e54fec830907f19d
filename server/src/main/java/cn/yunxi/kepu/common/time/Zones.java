package cn.yunxi.kepu.common.time;

import java.time.ZoneId;

public final class Zones {

    /** Every date the product reasons about (daily caps, streaks, report months) is a date in this zone. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }
}
