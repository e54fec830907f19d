package cn.yunxi.kepu.common.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event is stored as JSON in the publication registry until every listener has handled it, so a publication
 * written before a release must still be read after it: the JSON shape is the record's sixteen components.
 */
class ParticipationRecordedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** As the registry stores an attendance record (every component, in the record's order). */
    private static final String STORED = """
            {"recordKey":"attendance:42","kind":"EVENT_ATTENDANCE","personKey":"R:7","residentId":7,
             "personLabel":"张*","regionCode":"430603100201","populationGroup":"FARMER","sourceType":"EVENT",
             "sourceId":3,"sourceTitle":"果树修剪培训","occurredOn":"2025-06-10","indicatorCodes":["HIGH_QUALITY_FARMERS"],
             "hours":2.50,"passed":null,"withdrawn":false,"planSections":[]}
            """;

    private static ParticipationRecorded attendance() {
        return ParticipationRecorded.builder(ParticipationKind.EVENT_ATTENDANCE, "attendance:42")
                .resident(7, "张*")
                .demographics("430603100201", "FARMER")
                .source("EVENT", 3, "果树修剪培训")
                .occurredOn(LocalDate.of(2025, 6, 10))
                .indicatorCodes(List.of("HIGH_QUALITY_FARMERS"))
                .hours(new BigDecimal("2.50"))
                .build();
    }

    @Test
    void aStoredPublicationReadsAsTheRecordTheBuilderMakes() {
        assertThat(JSON.readValue(STORED, ParticipationRecorded.class)).isEqualTo(attendance());
    }

    @Test
    void theBuiltRecordWritesExactlyTheStoredShape() {
        assertThat(JSON.readTree(JSON.writeValueAsString(attendance()))).isEqualTo(JSON.readTree(STORED));
    }

    @Test
    void whatABuilderLeavesOutIsEmpty() {
        ParticipationRecorded r = ParticipationRecorded.builder(ParticipationKind.QUIZ, "attempt:1").build();
        assertThat(r.indicatorCodes()).isEmpty();
        assertThat(r.planSections()).isEmpty();
        assertThat(r.personKey()).isNull();
        assertThat(r.hours()).isNull();
        assertThat(r.passed()).isNull();
        assertThat(r.withdrawn()).isFalse();
    }

    @Test
    void aWithdrawnCopyDiffersOnlyInBeingWithdrawn() {
        ParticipationRecorded original = attendance();
        ParticipationRecorded withdrawn = original.asWithdrawn();
        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn).usingRecursiveComparison().ignoringFields("withdrawn").isEqualTo(original);
    }

    @Test
    void storedFieldNamesAreTheRecordComponents() {
        JsonNode written = JSON.readTree(JSON.writeValueAsString(attendance()));
        assertThat(written.propertyNames()).containsExactly("recordKey", "kind", "personKey", "residentId",
                "personLabel", "regionCode", "populationGroup", "sourceType", "sourceId", "sourceTitle", "occurredOn",
                "indicatorCodes", "hours", "passed", "withdrawn", "planSections");
    }
}
