package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.Participations.attendance;
import static cn.yunxi.kepu.support.Participations.selfTest;
import static cn.yunxi.kepu.support.Participations.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/** One scenario per seeded COMPUTED indicator: create the records, check the figure and its drill-down. */
@KepuIntegrationTest
class ComputedIndicatorsIT extends MidPlanYearSupport {

    static final String VILLAGE = "430603100201"; // 陆城样例村1, in 陆城镇
    static final String TOWN = "430603100";

    PlanFixture plan;

    @BeforeEach
    void setUp() {
        plan = new PlanFixture(api, admin);
    }

    static String key() {
        return "test:" + UUID.randomUUID();
    }

    static String person() {
        return "R:" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    @Test
    void farmerTechStaffCountsPersonTimesIdempotentlyAndWithdrawalsUncount() {
        String code = "FARMER_TECH_STAFF_TRAINED";
        double before = plan.value(code);
        String a = person();
        ParticipationRecorded first = attendance(key(), a, VILLAGE, "FARMER", LocalDate.of(2024, 3, 1), code);
        ParticipationRecorded second = attendance(key(), a, VILLAGE, "FARMER", LocalDate.of(2024, 3, 2), code);
        ParticipationRecorded third = attendance(key(), person(), null, null, LocalDate.of(2025, 5, 2), code);

        participations.publish(first, second, third);
        assertThat(plan.value(code)).isEqualTo(before + 3);

        participations.publish(first, second); // redelivered: counted once
        assertThat(plan.value(code)).isEqualTo(before + 3);

        participations.publish(withdrawn(second));
        assertThat(plan.value(code)).isEqualTo(before + 2);
        assertThat(plan.drillDownSum(code)).isEqualTo((long) plan.value(code));
        // total counts rows; a baseline row (another test may have approved one) counts more than 1 person-time
        assertThat(plan.drillDown(code).path("total").asLong()).isEqualTo(plan.drillDownRows(code).size());
    }

    @Test
    void highQualityFarmersCountDistinctPersonsAcrossDaysWithinThePeriodOnly() {
        String code = "HIGH_QUALITY_FARMERS";
        double before = plan.value(code);
        String a = person();
        String b = person();
        ParticipationRecorded aFirst = attendance(key(), a, VILLAGE, "FARMER", LocalDate.of(2023, 4, 1), code);
        ParticipationRecorded aLater = attendance(key(), a, VILLAGE, "FARMER", LocalDate.of(2024, 4, 1), code);
        ParticipationRecorded aAgain = attendance(key(), a, VILLAGE, "FARMER", LocalDate.of(2024, 4, 1), code);
        participations.publish(aFirst, aLater, aAgain,
                attendance(key(), b, VILLAGE, "FARMER", LocalDate.of(2025, 1, 9), code),
                attendance(key(), person(), VILLAGE, "FARMER", LocalDate.of(2021, 12, 31), code)); // before the plan

        assertThat(plan.value(code)).isEqualTo(before + 2);

        // a's first record withdrawn: a still counts once, now by the 2024 record
        participations.publish(withdrawn(aFirst));
        assertThat(plan.value(code)).isEqualTo(before + 2);
        // a's row (found among every test's rows by its record) is now the first of the 2024 records
        long firstOf2024 = Math.min(recordId(aLater), recordId(aAgain));
        assertThat(plan.drillDownRows(code))
                .filteredOn(row -> row.path("recordId").asLong() == firstOf2024 || row.path("recordId").asLong()
                        == recordId(aFirst))
                .singleElement().satisfies(row -> {
                    assertThat(row.path("recordId").asLong()).isEqualTo(firstOf2024);
                    assertThat(row.path("date").asString()).isEqualTo("2024-04-01");
                });
        assertThat(plan.drillDownSum(code)).isEqualTo((long) plan.value(code));
    }

    private long recordId(ParticipationRecorded r) {
        return jdbc.queryForObject("SELECT id FROM participation_record WHERE record_key = ?", Long.class,
                r.recordKey());
    }

    @Test
    void skillsTrainingPersonsBreakDownByTownAndPopulationGroup() {
        String code = "SKILLS_TRAINING_PERSONS";
        JsonNode before = plan.figure(code);
        participations.publish(
                attendance(key(), person(), VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2025, 2, 1), code),
                attendance(key(), person(), VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2025, 2, 3), code),
                attendance(key(), person(), null, null, LocalDate.of(2025, 2, 3), code));

        JsonNode after = plan.figure(code);
        assertThat(after.path("value").asDouble()).isEqualTo(before.path("value").asDouble() + 3);
        assertThat(PlanFixture.breakdown(after, "byTown", TOWN))
                .isEqualTo(PlanFixture.breakdown(before, "byTown", TOWN) + 2);
        assertThat(PlanFixture.breakdown(after, "byGroup", "INDUSTRIAL_WORKER"))
                .isEqualTo(PlanFixture.breakdown(before, "byGroup", "INDUSTRIAL_WORKER") + 2);
        double townSum = 0;
        for (JsonNode t : after.path("byTown")) {
            townSum += t.path("value").asDouble();
        }
        assertThat(townSum).isEqualTo(after.path("value").asDouble());
        JsonNode trend = after.path("trend");
        assertThat(trend.get(trend.size() - 1).path("value").asDouble()).isEqualTo(after.path("value").asDouble());
        assertThat(plan.drillDownSum(code)).isEqualTo((long) after.path("value").asDouble());
    }

    @Test
    void migrantWorkerTrainingCountsEachYearOnItsOwn() {
        String code = "MIGRANT_WORKER_TRAINING_YEARLY";
        JsonNode before = plan.figure(code);
        assertThat(before.path("windowStart").asString()).isEqualTo("2025-01-01");
        String both = person();
        participations.publish(
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2024, 6, 1), code),
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2025, 3, 1), code),
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2025, 4, 1), code),
                attendance(key(), person(), VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2024, 6, 1), code));

        // 2025 counts the person trained in both years once; 2024-only trainees are last year's figure
        assertThat(plan.value(code)).isEqualTo(before.path("value").asDouble() + 1);
        assertThat(plan.figure(code).path("targetBasis").asString()).isEqualTo("YEARLY");
        assertThat(plan.drillDownSum(code)).isEqualTo((long) plan.value(code));

        clock.pin(java.time.Instant.parse("2024-09-01T02:00:00Z"));
        JsonNode lastYear = plan.figure(code);
        assertThat(lastYear.path("windowStart").asString()).isEqualTo("2024-01-01");
        assertThat(plan.drillDownSum(code)).isEqualTo((long) lastYear.path("value").asDouble());
    }

    @Test
    void aPerYearTargetShowsEveryYearOfThePlanWithItsOwnFigureAndWhetherItWasMet() {
        String code = "MIGRANT_WORKER_TRAINING_YEARLY";
        JsonNode before = plan.figure(code).path("years");
        assertThat(before.findValuesAsString("phase")).containsExactly("PAST", "PAST", "PAST", "CURRENT");
        assertThat(before.findValuesAsString("windowStart"))
                .containsExactly("2022-01-01", "2023-01-01", "2024-01-01", "2025-01-01");
        long y2022 = before.get(0).path("value").asLong();
        long y2023 = before.get(1).path("value").asLong();
        long y2024 = before.get(2).path("value").asLong();
        assertThat(y2023).as("this test fills 2023 up to the target").isLessThan(300);

        String both = person();
        java.util.List<ParticipationRecorded> records = new java.util.ArrayList<>(java.util.List.of(
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2022, 4, 1), code),
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2022, 9, 1), code),
                attendance(key(), person(), VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2022, 5, 1), code),
                attendance(key(), both, VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2024, 3, 1), code)));
        // 2023 reaches exactly “每年不少于300人”: met at the number itself
        for (long i = y2023; i < 300; i++) {
            records.add(attendance(key(), person(), VILLAGE, "INDUSTRIAL_WORKER", LocalDate.of(2023, 10, 1), code));
        }
        for (int from = 0; from < records.size(); from += 50) {
            participations.publishBatch(records.subList(from, Math.min(records.size(), from + 50)));
        }

        JsonNode figure = plan.figure(code);
        JsonNode years = figure.path("years");
        assertThat(years.get(0).path("value").asLong()).isEqualTo(y2022 + 2); // the same person twice is one
        assertThat(years.get(0).path("met").asBoolean()).isFalse();
        assertThat(years.get(0).path("status").asString()).isEqualTo("BEHIND");
        assertThat(years.get(1).path("value").asLong()).isEqualTo(300);
        assertThat(years.get(1).path("met").asBoolean()).isTrue();
        assertThat(years.get(1).path("status").asString()).isEqualTo("DONE");
        assertThat(years.get(2).path("value").asLong()).isEqualTo(y2024 + 1); // and counts again in another year
        // the headline figure is this year's, the same as its row
        assertThat(figure.path("value").asLong()).isEqualTo(years.get(3).path("value").asLong());
        assertThat(figure.path("windowStart").asString()).isEqualTo("2025-01-01");
        assertThat(plan.figure("HIGH_QUALITY_FARMERS").path("years").isNull()).isTrue();

        // the Excel report lists the years beside the indicator
        byte[] bytes = api.getBytes("/api/admin/v1/plans/" + plan.seededPlanId() + "/indicator-report.xlsx", admin);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            var sheet = wb.getSheetAt(0);
            String cell = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().startsWith("新生代农民工")) {
                    cell = sheet.getRow(r).getCell(12).getStringCellValue();
                }
            }
            assertThat(cell).contains("2023 年 300（已完成）", "2022 年 " + (y2022 + 2) + "（未完成）");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void subsidisedTrainingCountsPersonTimes() {
        String code = "SUBSIDISED_TRAINING_PERSON_TIMES";
        double before = plan.value(code);
        String p = person();
        participations.publish(
                attendance(key(), p, VILLAGE, "OTHER", LocalDate.of(2022, 1, 1), code),
                attendance(key(), p, VILLAGE, "OTHER", LocalDate.of(2025, 12, 31), code),
                attendance(key(), p, VILLAGE, "OTHER", LocalDate.of(2026, 1, 1), code)); // after the plan

        assertThat(plan.value(code)).isEqualTo(before + 2);
        assertThat(plan.drillDownSum(code)).isEqualTo((long) plan.value(code));
    }

    @Test
    void eventsTaggedForASectionShowInItsParticipationOverview() {
        long before = sectionAttendance("WORKER");
        participations.publish(attendance(key(), person(), VILLAGE, "OTHER", LocalDate.of(2025, 5, 5),
                "SKILLS_TRAINING_PERSONS", "SUBSIDISED_TRAINING_PERSON_TIMES"));
        // one record tagged with two of the section's indicators is one attendance of the section
        assertThat(sectionAttendance("WORKER")).isEqualTo(before + 1);
    }

    @Test
    void contentReadsCountForTheSectionsTheItemServes() {
        long farmerBefore = sectionCount("FARMER", "contentReads");
        long infoBefore = sectionCount("INFORMATIZATION", "contentReads");
        long youthBefore = sectionCount("YOUTH", "contentReads");
        participations.publish(Participations.contentRead(key(), person(), LocalDate.of(2025, 6, 1),
                "FARMER", "INFORMATIZATION"));

        assertThat(sectionCount("FARMER", "contentReads")).isEqualTo(farmerBefore + 1);
        assertThat(sectionCount("INFORMATIZATION", "contentReads")).isEqualTo(infoBefore + 1);
        assertThat(sectionCount("YOUTH", "contentReads")).isEqualTo(youthBefore);
    }

    private long sectionAttendance(String section) {
        return sectionCount(section, "eventAttendance");
    }

    private long sectionCount(String section, String field) {
        for (JsonNode s : plan.dashboard().path("participation")) {
            if (section.equals(s.path("sectionCode").asString())) {
                return s.path(field).asLong();
            }
        }
        throw new AssertionError("no section " + section);
    }

    @Test
    void literacyRateIsManualAndShowsTheSelfTestProxyWithItsSampleAndWilsonInterval() {
        JsonNode before = plan.figure("SCIENCE_LITERACY_RATE");
        assertThat(before.path("measure").asString()).isEqualTo("MANUAL");
        long n0 = before.path("proxy").path("sampleSize").asLong();
        long k0 = before.path("proxy").path("passed").asLong();
        String retaker = person();
        participations.publish(
                selfTest(key(), retaker, LocalDate.of(2025, 1, 1), false),
                selfTest(key(), retaker, LocalDate.of(2025, 2, 1), true), // a retake does not lift the rate
                selfTest(key(), person(), LocalDate.of(2025, 3, 1), true),
                selfTest(key(), person(), LocalDate.of(2025, 3, 1), true),
                selfTest(key(), person(), LocalDate.of(2025, 3, 1), false));

        JsonNode proxy = plan.figure("SCIENCE_LITERACY_RATE").path("proxy");
        assertThat(proxy.path("sampleSize").asLong()).isEqualTo(n0 + 4);
        assertThat(proxy.path("passed").asLong()).isEqualTo(k0 + 2);
        assertThat(proxy.path("label").asString()).contains("自测").contains("非公民科学素质抽样调查结果");
        double rate = proxy.path("ratePercent").asDouble();
        assertThat(proxy.path("lowPercent").asDouble()).isLessThanOrEqualTo(rate);
        assertThat(proxy.path("highPercent").asDouble()).isGreaterThanOrEqualTo(rate);
        assertThat(proxy.path("interval").asString()).contains("Wilson");
        JsonNode sample = api.get("/api/admin/v1/indicators/" + plan.id("SCIENCE_LITERACY_RATE") + "/self-tests", admin).json();
        assertThat(sample.path("total").asLong()).isEqualTo(proxy.path("sampleSize").asLong());
    }

    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        // 8 of 10: Wilson 95% interval is 49.0%–94.3%
        var p = FigureService.proxy(10, 8);
        assertThat(p.ratePercent()).isEqualByComparingTo("80.0");
        assertThat(p.lowPercent()).isEqualByComparingTo("49.0");
        assertThat(p.highPercent()).isEqualByComparingTo("94.3");
        assertThat(p.sampleSize()).isEqualTo(10);
        assertThat(p.passed()).isEqualTo(8);
    }
}
