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

    /**
     * Starts a record of one kind; call sites name each part they set, and what they leave out stays empty (no
     * person, no tags, no hours, not withdrawn).
     */
    public static Builder builder(ParticipationKind kind, String recordKey) {
        return new Builder(kind, recordKey);
    }

    /** A builder holding this record's values, to publish a corrected copy. */
    public Builder toBuilder() {
        return new Builder(kind, recordKey).person(personKey, residentId, personLabel)
                .demographics(regionCode, populationGroup).source(sourceType, sourceId, sourceTitle)
                .occurredOn(occurredOn).indicatorCodes(indicatorCodes).hours(hours).passed(passed)
                .withdrawn(withdrawn).planSections(planSections);
    }

    /** The same record, published again to say it no longer counts. */
    public ParticipationRecorded asWithdrawn() {
        return toBuilder().withdrawn(true).build();
    }

    public static String residentKey(long residentId) {
        return "R:" + residentId;
    }

    public static String proxyPersonKey(String phoneLookupHash) {
        return "P:" + phoneLookupHash;
    }

    /** Names the parts of a {@link ParticipationRecorded}; see the record's parameters for their meaning. */
    public static final class Builder {

        private final ParticipationKind kind;
        private final String recordKey;
        private String personKey;
        private Long residentId;
        private String personLabel;
        private String regionCode;
        private String populationGroup;
        private String sourceType;
        private long sourceId;
        private String sourceTitle;
        private LocalDate occurredOn;
        private List<String> indicatorCodes = List.of();
        private BigDecimal hours;
        private Boolean passed;
        private boolean withdrawn;
        private List<String> planSections = List.of();

        private Builder(ParticipationKind kind, String recordKey) {
            this.kind = kind;
            this.recordKey = recordKey;
        }

        /** A person by key, with their resident id when they have an account, and a masked label. */
        public Builder person(String personKey, Long residentId, String personLabel) {
            this.personKey = personKey;
            this.residentId = residentId;
            this.personLabel = personLabel;
            return this;
        }

        /** A resident with an account: the person key is {@link #residentKey(long)}. */
        public Builder resident(long residentId, String personLabel) {
            return person(residentKey(residentId), residentId, personLabel);
        }

        /** The person's village/community and population group name, each null when unknown. */
        public Builder demographics(String regionCode, String populationGroup) {
            this.regionCode = regionCode;
            this.populationGroup = populationGroup;
            return this;
        }

        public Builder source(String sourceType, long sourceId, String sourceTitle) {
            this.sourceType = sourceType;
            this.sourceId = sourceId;
            this.sourceTitle = sourceTitle;
            return this;
        }

        public Builder occurredOn(LocalDate occurredOn) {
            this.occurredOn = occurredOn;
            return this;
        }

        public Builder indicatorCodes(List<String> indicatorCodes) {
            this.indicatorCodes = indicatorCodes;
            return this;
        }

        public Builder hours(BigDecimal hours) {
            this.hours = hours;
            return this;
        }

        public Builder passed(Boolean passed) {
            this.passed = passed;
            return this;
        }

        public Builder withdrawn(boolean withdrawn) {
            this.withdrawn = withdrawn;
            return this;
        }

        public Builder planSections(List<String> planSections) {
            this.planSections = planSections;
            return this;
        }

        public ParticipationRecorded build() {
            return new ParticipationRecorded(recordKey, kind, personKey, residentId, personLabel, regionCode,
                    populationGroup, sourceType, sourceId, sourceTitle, occurredOn, indicatorCodes, hours, passed,
                    withdrawn, planSections);
        }
    }
}
