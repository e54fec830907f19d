package cn.yunxi.kepu.indicator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;

/**
 * Where the indicator tests start: the clock in the middle of the plan's 2025 year (so every period and deadline
 * is the same whenever the suite runs), a district admin's token, and participation records published through the
 * real listeners as the features publish them.
 */
abstract class MidPlanYearSupport {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    Participations participations;

    @BeforeEach
    void pinClockAndConnect() {
        clock.pin(PlanFixture.MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        participations = new Participations(events, transactions, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
