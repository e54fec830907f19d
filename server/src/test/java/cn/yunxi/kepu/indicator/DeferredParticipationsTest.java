package cn.yunxi.kepu.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a batch leaves to the per-record path waits in the publication registry as JSON, possibly across a restart
 * and a release: the stored shape is a list of records in the shape {@code ParticipationRecordedTest} fixes.
 */
class DeferredParticipationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String STORED = """
            {"records":[{"recordKey":"attempt:9","kind":"SELF_TEST","personKey":"R:5","residentId":5,
             "personLabel":"李*","regionCode":"430603100201","populationGroup":"FARMER","sourceType":"QUIZ",
             "sourceId":2,"sourceTitle":"基准自测","occurredOn":"2025-06-10","indicatorCodes":[],
             "hours":null,"passed":true,"withdrawn":false,"planSections":[]}]}
            """;

    private static DeferredParticipations deferred() {
        return new DeferredParticipations(List.of(ParticipationRecorded.builder(ParticipationKind.SELF_TEST, "attempt:9")
                .resident(5, "李*")
                .demographics("430603100201", "FARMER")
                .source("QUIZ", 2, "基准自测")
                .occurredOn(LocalDate.of(2025, 6, 10))
                .passed(true)
                .build()));
    }

    @Test
    void aStoredPublicationReadsAsTheDeferredRecords() {
        assertThat(JSON.readValue(STORED, DeferredParticipations.class)).isEqualTo(deferred());
    }

    @Test
    void theDeferredRecordsWriteExactlyTheStoredShape() {
        assertThat(JSON.readTree(JSON.writeValueAsString(deferred()))).isEqualTo(JSON.readTree(STORED));
    }
}
