package cn.yunxi.kepu.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.ExtraInstance;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Scheduled jobs against one database from several instances. A second instance runs with its jobs switched on (their
 * timers set an hour out, so only the test fires them) and the test itself plays a third instance that holds a job's
 * lock, through its own lock provider on its own connections: the job's turn on the second instance is skipped while
 * the lock is held and runs once it is released; two turns fired at once publish each due item once.
 */
@KepuIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledJobsOnceAcrossInstancesIT {

    private static final String PUBLISH_DUE = "content.publish-due";

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext second;
    private ApiClient api;
    private String admin;

    @BeforeAll
    void startSecondInstanceWithJobs() {
        second = ExtraInstance.start(environment, "kepu.jobs.scheduled=true", "kepu.content.schedule-check=1h",
                "kepu.quiz.sweep-interval=1h", "kepu.event.jobs.initial-delay=1h", "kepu.emergency.initial-delay=1h",
                "kepu.events.resubmit-interval=1h");
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void everyJobOfTheRunningInstanceIsScheduledUnderItsLock() {
        List<String> names = new ArrayList<>();
        for (Object bean : second.getBeansOfType(Object.class).values()) {
            for (Method method : ClassUtils.getUserClass(AopUtils.getTargetClass(bean)).getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                    assertThat(lock).as(method + " is locked").isNotNull();
                    names.add(lock.name());
                }
            }
        }
        assertThat(names).contains(PUBLISH_DUE, "quiz.sweep-overdue-attempts", "event.notices",
                "event.settle-attendance", "events.resubmit-incomplete", "retention.sweep");
    }

    @Test
    void aJobSkipsItsTurnWhileAnotherInstanceHoldsItsLock() {
        long id = dueItem();
        SimpleLock held = acquire(PUBLISH_DUE);
        try {
            runJob(PUBLISH_DUE);
            assertThat(status(id)).as("skipped while the lock is held elsewhere").isEqualTo("SCHEDULED");
        } finally {
            held.unlock();
        }
        runJob(PUBLISH_DUE);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(scheduledPublications(id)).isEqualTo(1);
    }

    /**
     * An instance killed with kill -9 in the middle of a job never releases its lock. The job stops for the other
     * instances only until the lock's lock-at-most-for runs out (10 minutes; here moved into the past, as the
     * database's clock would move), then the next turn anywhere takes it over and does the work once.
     */
    @Test
    void aLockLeftByAKilledInstanceIsTakenOverWhenItRunsOut() {
        long id = dueItem();
        acquire(PUBLISH_DUE); // never unlocked: its holder was killed
        runJob(PUBLISH_DUE);
        assertThat(status(id)).as("skipped while the dead holder's lock runs").isEqualTo("SCHEDULED");

        assertThat(jdbc.update("UPDATE job_lock SET lock_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE name = ?",
                PUBLISH_DUE)).isEqualTo(1);
        runJob(PUBLISH_DUE);

        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(scheduledPublications(id)).isEqualTo(1);
    }

    @Test
    void turnsFiredTogetherPublishEachDueItemOnce() throws Exception {
        List<Long> items = List.of(dueItem(), dueItem(), dueItem());
        awaitLockFree(PUBLISH_DUE);
        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<Void>> turns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            turns.add(CompletableFuture.runAsync(() -> {
                await(together);
                runJob(PUBLISH_DUE);
            }));
        }
        CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get();
        for (long id : items) {
            assertThat(status(id)).isEqualTo("PUBLISHED");
            assertThat(scheduledPublications(id)).as("item %d published once", id).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_lock WHERE name = ?", Integer.class, PUBLISH_DUE))
                .isEqualTo(1);
    }

    /** An approved item scheduled for an hour ahead, then moved into the past: due on every instance's clock. */
    private long dueItem() {
        String author = Contents.organiser(api, admin);
        Map<String, Object> body = Contents.article("定时" + UUID.randomUUID().toString().substring(0, 8));
        long id = api.post("/api/admin/v1/contents", author, ApiClient.json(body)).json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/contents/" + id + "/submit", author, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}").status()).isEqualTo(200);
        String at = OffsetDateTime.now().plusYears(1).toString();
        assertThat(api.post("/api/admin/v1/contents/" + id + "/publish", admin, "{\"at\":\"" + at + "\"}").status())
                .isEqualTo(200);
        jdbc.update("UPDATE content_item SET publish_at = '2001-01-01 08:00:00' WHERE id = ?", id);
        return id;
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM content_item WHERE id = ?", String.class, id);
    }

    private int scheduledPublications(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM content_transition WHERE content_id = ? AND action = 'PUBLISH'",
                Integer.class, id);
    }

    /** The lock as another instance would take it: its own provider, its own connections, the database's clock. */
    private SimpleLock acquire(String name) {
        JdbcTemplateLockProvider other = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("job_lock").usingDbTime().build());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            // an earlier turn keeps the lock for its lock-at-least-for; wait that out
            Optional<SimpleLock> lock = other.lock(new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5),
                    Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get();
            }
            sleep(200);
        }
        throw new AssertionError("lock " + name + " never came free");
    }

    private void awaitLockFree(String name) {
        acquire(name).unlock();
    }

    /** Fires the second instance's job the way its scheduler does: through the bean the container built. */
    private void runJob(String lockName) {
        for (Object bean : second.getBeansOfType(Object.class).values()) {
            for (Method method : ClassUtils.getUserClass(AopUtils.getTargetClass(bean)).getDeclaredMethods()) {
                SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                if (lock != null && lock.name().equals(lockName)) {
                    ReflectionUtils.makeAccessible(method);
                    try {
                        method.invoke(bean);
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException(e);
                    }
                    return;
                }
            }
        }
        throw new AssertionError("no job locked as " + lockName);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
