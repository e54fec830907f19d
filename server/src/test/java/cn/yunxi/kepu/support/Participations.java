package cn.yunxi.kepu.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.participation.ParticipationsRecorded;
import cn.yunxi.kepu.indicator.DeferredParticipations;

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

    /**
     * Publishes the records as one batch in its own transaction without waiting for the listeners. The ledger applies
     * a batch in the publishing transaction, so like the quiz feature's grading this retries the transaction when
     * the database picked it as a deadlock victim.
     */
    public void publishBatchOnly(List<ParticipationRecorded> records) {
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> events.publishEvent(new ParticipationsRecorded(records)));
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until no ParticipationRecorded, ParticipationsRecorded or DeferredParticipations publication is
     * outstanding; fails if one failed or it takes too long.
     */
    public void awaitListeners() {
        EventPublications.awaitCompleted(jdbc, ParticipationRecorded.class, ParticipationsRecorded.class,
                DeferredParticipations.class);
    }

    /** An attendance record of {@code person} tagged with {@code codes}. */
    public static ParticipationRecorded attendance(String recordKey, String person, String region, String group,
                                                   LocalDate day, String... codes) {
        return ParticipationRecorded.builder(ParticipationKind.EVENT_ATTENDANCE, recordKey).person(person, null, "张*")
                .demographics(region, group).source("EVENT", Math.abs(recordKey.hashCode()), "培训 " + recordKey)
                .occurredOn(day).indicatorCodes(List.of(codes)).hours(new BigDecimal("2.00")).build();
    }

    public static ParticipationRecorded withdrawn(ParticipationRecorded r) {
        return r.asWithdrawn();
    }

    /** A completed read of a content item that serves {@code sections} of the plan. */
    public static ParticipationRecorded contentRead(String recordKey, String person, LocalDate day,
                                                    String... sections) {
        return ParticipationRecorded.builder(ParticipationKind.CONTENT_READ, recordKey).person(person, null, "王*")
                .source("CONTENT", Math.abs(recordKey.hashCode()), "科普文章 " + recordKey).occurredOn(day)
                .planSections(List.of(sections)).build();
    }

    public static ParticipationRecorded selfTest(String recordKey, String person, LocalDate day, boolean passed) {
        return ParticipationRecorded.builder(ParticipationKind.SELF_TEST, recordKey).person(person, null, "李*")
                .source("QUIZ", 1, "公民科学素质自测").occurredOn(day).passed(passed).build();
    }
}
