package cn.yunxi.kepu.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.ManualEntryRow;

/**
 * MANUAL figures: the lead unit enters a value with evidence; the district admin approves it (never their own
 * entry) or sends it back with a reason. Only approved values count.
 */
@Service
class ManualEntryService {

    private final PlanService plans;
    private final ManualEntryRepository entries;
    private final Clock clock;

    ManualEntryService(PlanService plans, ManualEntryRepository entries, Clock clock) {
        this.plans = plans;
        this.entries = entries;
        this.clock = clock;
    }

    ManualEntryView submit(CurrentUser user, long indicatorId, IndicatorRequests.ManualEntry request) {
        IndicatorRow ind = plans.indicator(indicatorId);
        if (ind.measureEnum() != Measure.MANUAL) {
            throw new ApiException(IndicatorErrors.INDICATOR_NOT_MANUAL);
        }
        if (!Access.isDistrictAdmin(user) && !Long.valueOf(ind.leadUnitId()).equals(user.unitId())) {
            throw new ApiException(IndicatorErrors.NOT_LEAD_UNIT, "只有牵头单位（" + ind.leadUnitName() + "）可以填报本指标");
        }
        List<String> evidence = request.evidenceKeys() == null ? List.of() : request.evidenceKeys();
        if (evidence.isEmpty()) {
            throw new ApiException(IndicatorErrors.EVIDENCE_REQUIRED);
        }
        long id = entries.insert(indicatorId, request.asOf(), request.value(), request.note(), String.join("\n", evidence),
                user.unitId(), user.id(), Times.now(clock));
        return view(entries.find(id).orElseThrow());
    }

    ManualEntryView approve(CurrentUser user, long entryId, IndicatorRequests.Review review) {
        return review(user, entryId, "APPROVED", review == null ? null : review.note());
    }

    ManualEntryView reject(CurrentUser user, long entryId, IndicatorRequests.Review review) {
        String note = review == null ? null : review.note();
        if (note == null || note.isBlank()) {
            throw new ApiException(IndicatorErrors.REJECT_REASON_REQUIRED);
        }
        return review(user, entryId, "REJECTED", note);
    }

    private ManualEntryView review(CurrentUser user, long entryId, String status, String note) {
        ManualEntryRow entry = entries.find(entryId).orElseThrow(() -> new ApiException(IndicatorErrors.ENTRY_NOT_FOUND));
        if (entry.submittedBy() == user.id()) {
            throw new ApiException(IndicatorErrors.OWN_ENTRY_REVIEW);
        }
        if (!entries.review(entryId, status, user.id(), Times.now(clock), note)) {
            throw new ApiException(IndicatorErrors.ENTRY_ALREADY_REVIEWED);
        }
        return view(entries.find(entryId).orElseThrow());
    }

    List<ManualEntryView> list(long indicatorId) {
        plans.indicator(indicatorId);
        return entries.all(indicatorId).stream().map(ManualEntryService::view).toList();
    }

    static ManualEntryView view(ManualEntryRow e) {
        return new ManualEntryView(e.id(), e.indicatorId(), e.asOf(), e.value(), e.note(),
                e.evidenceKeys() == null ? List.of() : Arrays.asList(e.evidenceKeys().split("\n")), e.status(),
                e.submittedBy(), Times.toOffset(e.submittedAt()), e.reviewedBy(), Times.toOffset(e.reviewedAt()),
                e.reviewNote());
    }

    record ManualEntryView(long id, long indicatorId, java.time.LocalDate asOf, java.math.BigDecimal value, String note,
                           List<String> evidenceKeys, String status, long submittedBy, OffsetDateTime submittedAt,
                           Long reviewedBy, OffsetDateTime reviewedAt, String reviewNote) {
    }
}
