package cn.yunxi.kepu.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;

/**
 * Publishes {@link ParticipationRecorded} the way the events, quiz and content features do (inside a
 * transaction, through Spring Modulith's registry) and waits until every listener has handled it.
 */
public final class Participations {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    public Participations(ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    public void publish(ParticipationRecorded... records) {
        publish(List.of(records));
    }

    public void publish(List<ParticipationRecorded> records) {
        tx.executeWithoutResult(s -> records.forEach(events::publishEvent));
        awaitListeners();
    }

    /** Publishes one record in its own transaction without waiting for the listeners. */
    public void publishOnly(ParticipationRecorded record) {
        tx.executeWithoutResult(s -> events.publishEvent(record));
    }

    /** Publishes the records as one {@link ParticipationsRecorded}, as the quiz feature does, and waits. */
    public void publishBatch(List<ParticipationRecorded> records) {
        publishBatchOnly(records);
        awaitListeners();
    }

    /** Publishes the records as one batch in its own transaction without waiting for the listeners. */
    public void publishBatchOnly(List<ParticipationRecorded> records) {
        tx.executeWithoutResult(s -> events.publishEvent(new ParticipationsRecorded(records)));
    }

    /**
     * Waits until no ParticipationRecorded or ParticipationsRecorded publication is outstanding; fails if one failed
     * or it takes too long.
     */
    public void awaitListeners() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String single = ParticipationRecorded.class.getName();
        String batch = ParticipationsRecorded.class.getName();
        while (true) {
            Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL "
                    + "AND EVENT_TYPE IN (?, ?) AND STATUS = 'FAILED'", Integer.class, single, batch);
            if (failed != null && failed > 0) {
                throw new AssertionError(failed + " ParticipationRecorded listener(s) failed");
            }
            Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL "
                    + "AND EVENT_TYPE IN (?, ?)", Integer.class, single, batch);
            if (open != null && open == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open + " ParticipationRecorded publication(s) still outstanding");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An attendance record of {@code person} tagged with {@code codes}. */
    public static ParticipationRecorded attendance(String recordKey, String person, String region, String group,
                                                   LocalDate day, String... codes) {
        return new ParticipationRecorded(recordKey, ParticipationKind.EVENT_ATTENDANCE, person, null,
                "张*", region, group, "EVENT", Math.abs(recordKey.hashCode()), "培训 " + recordKey, day, List.of(codes),
                new BigDecimal("2.00"), null, false);
    }

    public static ParticipationRecorded withdrawn(ParticipationRecorded r) {
        return new ParticipationRecorded(r.recordKey(), r.kind(), r.personKey(), r.residentId(), r.personLabel(),
                r.regionCode(), r.populationGroup(), r.sourceType(), r.sourceId(), r.sourceTitle(), r.occurredOn(),
                r.indicatorCodes(), r.hours(), r.passed(), true, r.planSections());
    }

    /** A completed read of a content item that serves {@code sections} of the plan. */
    public static ParticipationRecorded contentRead(String recordKey, String person, LocalDate day,
                                                    String... sections) {
        return new ParticipationRecorded(recordKey, ParticipationKind.CONTENT_READ, person, null, "王*", null, null,
                "CONTENT", Math.abs(recordKey.hashCode()), "科普文章 " + recordKey, day, List.of(), null, null, false,
                List.of(sections));
    }

    public static ParticipationRecorded selfTest(String recordKey, String person, LocalDate day, boolean passed) {
        return new ParticipationRecorded(recordKey, ParticipationKind.SELF_TEST, person, null, "李*", null, null,
                "QUIZ", 1, "公民科学素质自测", day, List.of(), null, passed, false);
    }
}
