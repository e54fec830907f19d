package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.indicator.ManualEntryRepository.EntryFilter;
import cn.yunxi.kepu.indicator.ManualEntryRepository.EntryListing;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.ManualEntryRow;
import cn.yunxi.kepu.staff.StaffRole;

/**
 * MANUAL figures: the lead unit enters a value with evidence; the district admin approves it (never their own
 * entry) or sends it back with a reason. Only approved values count.
 */
@Service
class ManualEntryService {

    private final PlanService plans;
    private final ManualEntryRepository entries;
    private final EvidenceFiles evidence;
    private final Clock clock;

    ManualEntryService(PlanService plans, ManualEntryRepository entries, EvidenceFiles evidence, Clock clock) {
        this.plans = plans;
        this.entries = entries;
        this.evidence = evidence;
        this.clock = clock;
    }

    ManualEntryView submit(CurrentUser user, long indicatorId, IndicatorRequests.ManualEntry request) {
        IndicatorRow ind = plans.indicator(indicatorId);
        if (ind.measureEnum() != Measure.MANUAL) {
            throw new ApiException(IndicatorErrors.INDICATOR_NOT_MANUAL);
        }
        if ("%".equals(ind.unit()) && request.value().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ApiException(IndicatorErrors.MANUAL_VALUE_INVALID);
        }
        // A figure dated after today or after the plan would be accepted and approved, then silently never counted.
        if (request.asOf().isAfter(Times.now(clock).toLocalDate())) {
            throw new ApiException(IndicatorErrors.MANUAL_AS_OF_INVALID, "数据截止日期不能晚于今天");
        }
        if (request.asOf().isAfter(ind.periodEnd())) {
            throw new ApiException(IndicatorErrors.MANUAL_AS_OF_INVALID, "数据截止日期不能晚于规划期结束日（" + ind.periodEnd() + "）");
        }
        return insert(user, ind, "VALUE", request.asOf(), request.value(), request.note(), request.evidenceKeys());
    }

    /**
     * What was achieved in the target's window before the plan period (for “十四五”: 2021), dated the day before the
     * period starts. Approved like any entry; the latest approved one adds to the counted figure.
     */
    ManualEntryView submitBaseline(CurrentUser user, long indicatorId, IndicatorRequests.BaselineEntry request) {
        IndicatorRow ind = plans.indicator(indicatorId);
        if (!ind.takesBaseline()) {
            throw new ApiException(IndicatorErrors.BASELINE_NOT_APPLICABLE);
        }
        if (request.value().stripTrailingZeros().scale() > 0) {
            throw new ApiException(IndicatorErrors.MANUAL_VALUE_INVALID, "人数、人次须为整数");
        }
        return insert(user, ind, "BASELINE", ind.periodStart().minusDays(1), request.value(), request.note(),
                request.evidenceKeys());
    }

    private ManualEntryView insert(CurrentUser user, IndicatorRow ind, String kind, LocalDate asOf, BigDecimal value,
                                   String note, List<String> evidenceKeys) {
        if (!StaffRole.isDistrictAdmin(user) && !Long.valueOf(ind.leadUnitId()).equals(user.unitId())) {
            throw new ApiException(IndicatorErrors.NOT_LEAD_UNIT, "只有牵头单位（" + ind.leadUnitName() + "）可以填报本指标");
        }
        List<String> evidence = evidenceKeys == null ? List.of() : evidenceKeys;
        if (evidence.isEmpty()) {
            throw new ApiException(IndicatorErrors.EVIDENCE_REQUIRED);
        }
        long id = entries.insert(ind.id(), kind, asOf, value, note, String.join("\n", evidence), user.unitId(),
                user.id(), Times.now(clock));
        return view(id);
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
        return view(entryId);
    }

    /** The entries of an indicator the caller may see (see {@link #unitScope}). */
    List<ManualEntryView> list(CurrentUser user, long indicatorId) {
        plans.indicator(indicatorId);
        EntryFilter filter = new EntryFilter(null, indicatorId, null, unitScope(user));
        return entries.listings(filter, 1000, 0).stream().map(this::view).toList();
    }

    /** Entries across a plan (or all plans), e.g. those waiting for review; newest first. */
    PageResult<ManualEntryView> search(CurrentUser user, Long planId, String status, PageQuery page) {
        if (status != null && !List.of("SUBMITTED", "APPROVED", "REJECTED").contains(status)) {
            throw new ApiException(IndicatorErrors.ENTRY_STATUS_INVALID);
        }
        if (planId != null) {
            plans.plan(planId);
        }
        EntryFilter filter = new EntryFilter(planId, null, status, unitScope(user));
        return PageResult.of(entries.listings(filter, page.sizeOrDefault(), page.offset()).stream().map(this::view)
                .toList(), entries.count(filter), page);
    }

    /** One entry; another unit's entry is answered as not found, as if it did not exist. */
    ManualEntryView get(CurrentUser user, long entryId) {
        EntryListing e = entries.listing(entryId).orElseThrow(() -> new ApiException(IndicatorErrors.ENTRY_NOT_FOUND));
        Long unit = unitScope(user);
        if (unit != null && !unit.equals(e.unitId())) {
            throw new ApiException(IndicatorErrors.ENTRY_NOT_FOUND);
        }
        return view(e);
    }

    /**
     * Whose entries the caller sees: the district admin (who reviews them) every unit's, anyone else only their own
     * unit's, with its evidence. Null means every unit.
     */
    private static Long unitScope(CurrentUser user) {
        if (StaffRole.isDistrictAdmin(user)) {
            return null;
        }
        return user.unitId() == null ? -1L : user.unitId();
    }

    private ManualEntryView view(long id) {
        return view(entries.listing(id).orElseThrow());
    }

    private ManualEntryView view(EntryListing e) {
        List<String> keys = e.evidenceKeys() == null || e.evidenceKeys().isBlank() ? List.of()
                : Arrays.asList(e.evidenceKeys().split("\n"));
        return new ManualEntryView(e.id(), e.indicatorId(), e.kind(), e.asOf(), e.value(), e.note(), keys, e.status(),
                e.submittedBy(), Times.toOffset(e.submittedAt()), e.reviewedBy(), Times.toOffset(e.reviewedAt()),
                e.reviewNote(), e.planId(), e.indicatorCode(), e.indicatorName(), e.indicatorUnit(), e.unitId(),
                e.unitName(), e.submittedByName(), e.reviewedByName(),
                evidence.of(e.evidenceKeys(), e.submittedBy()));
    }

    /**
     * @param kind     VALUE (the figure of a manual indicator) or BASELINE (the part of a target's window before the plan)
     * @param unitId   the unit that entered it (null when a district admin did)
     * @param evidence the evidence files, each with a read link when it is the submitter's own upload
     */
    record ManualEntryView(long id, long indicatorId, String kind, java.time.LocalDate asOf, java.math.BigDecimal value,
                           @Nullable String note, List<String> evidenceKeys, String status, long submittedBy,
                           OffsetDateTime submittedAt, Long reviewedBy, @Nullable OffsetDateTime reviewedAt,
                           @Nullable String reviewNote, long planId, String indicatorCode, String indicatorName,
                           String indicatorUnit, Long unitId, @Nullable String unitName, String submittedByName,
                           @Nullable String reviewedByName, List<EvidenceFiles.EvidenceFile> evidence) {
    }
}
