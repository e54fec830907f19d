package cn.yunxi.kepu.common.participation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A person took part in something the plan counts. Features that record participation (events, quizzes,
 * content) publish this inside the transaction that stores the record (Spring Modulith's registry keeps it
 * until every listener has handled it); the indicator feature turns it into daily aggregates. It is the one
 * contract between "what happened" and "what the plan's figures say", so neither side knows the other's tables.
 *
 * @param recordKey       stable, unique key of the source record (e.g. {@code attendance:42}); consumers are
 *                        idempotent on it, so publishing the same record twice never counts twice
 * @param kind            what kind of participation
 * @param personKey       identifies a distinct person across records: {@code R:<residentId>} for residents,
 *                        {@code P:<phone lookup hash>} for people signed up by proxy without an account
 * @param residentId      the resident, when the person has an account
 * @param personLabel     how a drill-down may show the person: already masked (e.g. 张* / 138****0000)
 * @param regionCode      the person's village/community, when known
 * @param populationGroup name of the resident's {@code PopulationGroup}, when known
 * @param sourceType      what the record belongs to, e.g. {@code EVENT}, {@code QUIZ}, {@code CONTENT}
 * @param sourceId        id of that thing
 * @param sourceTitle     its title, for drill-downs
 * @param occurredOn      the day it happened (Asia/Shanghai)
 * @param indicatorCodes  plan indicators the source is tagged with (an event's "counts toward" list)
 * @param hours           hours credited, when the kind has them
 * @param passed          for self-tests: whether the pass mark was reached
 * @param withdrawn       true when a record published earlier no longer counts (attendance corrected...)
 * @param planSections    stable plan-section codes the source serves directly (e.g. a content item tagged
 *                        {@code FARMER}, {@code INFORMATIZATION}), for per-section participation overviews; sections
 *                        implied by {@code indicatorCodes} need not be repeated
 */
public record ParticipationRecorded(
        String recordKey,
        ParticipationKind kind,
        String personKey,
        Long residentId,
        String personLabel,
        String regionCode,
        String populationGroup,
        String sourceType,
        long sourceId,
        String sourceTitle,
        LocalDate occurredOn,
        List<String> indicatorCodes,
        BigDecimal hours,
        Boolean passed,
        boolean withdrawn,
        List<String> planSections) {

    public ParticipationRecorded {
        indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
        planSections = planSections == null ? List.of() : List.copyOf(planSections);
    }

    /** A record that serves plan sections only through its indicator codes. */
    public ParticipationRecorded(String recordKey, ParticipationKind kind, String personKey, Long residentId,
                                 String personLabel, String regionCode, String populationGroup, String sourceType,
                                 long sourceId, String sourceTitle, LocalDate occurredOn, List<String> indicatorCodes,
                                 BigDecimal hours, Boolean passed, boolean withdrawn) {
        this(recordKey, kind, personKey, residentId, personLabel, regionCode, populationGroup, sourceType, sourceId,
                sourceTitle, occurredOn, indicatorCodes, hours, passed, withdrawn, List.of());
    }

    public static String residentKey(long residentId) {
        return "R:" + residentId;
    }

    public static String proxyPersonKey(String phoneLookupHash) {
        return "P:" + phoneLookupHash;
    }
}
