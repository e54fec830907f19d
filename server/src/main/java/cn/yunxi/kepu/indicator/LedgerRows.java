package cn.yunxi.kepu.indicator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.indicator.AggregateRepository.TagRow;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;

/**
 * What a published record becomes in the ledger: its normalised columns and its tags. The per-record path
 * ({@link ParticipationLedgerService}) and the batch path ({@link ParticipationBatchWriter}) both take it from here, so a
 * record is stored alike whichever path applies it.
 */
@Component
class LedgerRows {

    private final IndicatorCatalogService catalog;
    private final RegionService regions;

    LedgerRows(IndicatorCatalogService catalog, RegionService regions) {
        this.catalog = catalog;
        this.regions = regions;
    }

    LedgerRow of(ParticipationRecorded e) {
        String region = e.regionCode() == null ? "" : e.regionCode();
        String town = regions.find(e.regionCode()).map(RegionInfo::townCode).orElse("");
        String group = e.populationGroup() == null ? "" : e.populationGroup();
        String codes = String.join(",", new TreeSet<>(e.indicatorCodes()));
        List<TagRow> tags = e.withdrawn() ? List.of() : tagsFor(e, region, town, group);
        return new LedgerRow(e, region, town, group, codes, tags);
    }

    /** The record's indicator codes, its kind ({@code #KIND}) and the plan sections of its codes ({@code S:CODE}). */
    private List<TagRow> tagsFor(ParticipationRecorded e, String region, String town, String group) {
        Set<String> tags = new TreeSet<>();
        tags.add("#" + e.kind().name());
        for (String code : e.indicatorCodes()) {
            if (code == null || code.isBlank() || code.length() > 60) {
                continue;
            }
            tags.add(code);
            catalog.sectionsOf(code).forEach(s -> tags.add("S:" + s));
        }
        e.planSections().stream().filter(s -> s != null && !s.isBlank() && s.length() <= 30)
                .forEach(s -> tags.add("S:" + s));
        return tags.stream().map(tag -> new TagRow(tag, e.kind().name(), e.occurredOn(), e.personKey(), region, town,
                group)).toList();
    }

    /**
     * A record as stored: region, town and group as the columns hold them ("" when unknown), its indicator codes
     * joined in sorted order, and the tags it counts toward (none when withdrawn).
     */
    record LedgerRow(ParticipationRecorded event, String region, String town, String group, String codes,
                     List<TagRow> tags) {
    }
}
