package cn.yunxi.kepu.officer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param activeDays an officer counts as active while they shared or ran something within this many days */
@ConfigurationProperties("kepu.officer")
record OfficerProperties(Integer activeDays) {

    int activeDaysOrDefault() {
        return activeDays == null || activeDays < 1 ? 90 : activeDays;
    }
}
