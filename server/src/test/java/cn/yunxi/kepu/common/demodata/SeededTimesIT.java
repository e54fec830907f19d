package cn.yunxi.kepu.common.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * The application's connections run at +08:00, so what the migrations and the demo data stamp with NOW() is Shanghai
 * time, like every DATETIME the application writes (an API's createdAt is that time with +08:00).
 */
@KepuIntegrationTest
class SeededTimesIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyConnectionRunsInShanghaiTime() {
        assertThat(jdbc.queryForObject("SELECT @@session.time_zone", String.class)).isEqualTo("+08:00");
    }

    @Test
    void rowsTheMigrationsStampedHoldTheShanghaiTimeTheyRan() {
        assertThat(MigrationsIT.hoursAway(jdbc, "SELECT created_at FROM plan WHERE code = 'YUNXI-2022-2025'")).isZero();
    }

    @Test
    void sampleQuestionsHoldTheShanghaiTimeTheDemoDataWasLoaded() {
        LocalDateTime loaded = jdbc.queryForObject("SELECT installed_on FROM " + DemoDataConfig.HISTORY_TABLE
                + " WHERE description = 'sample questions'", LocalDateTime.class);
        List<LocalDateTime> stamps = jdbc.queryForList("SELECT created_at FROM quiz_question WHERE sample_data",
                LocalDateTime.class);
        assertThat(stamps).isNotEmpty().allSatisfy(t ->
                assertThat(Math.abs(Duration.between(loaded, t).toMinutes())).isLessThan(30));
    }
}
