package cn.yunxi.kepu.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;

/**
 * The indicator codes participation may be tagged with (an event's "counts toward" list). Other features use
 * {@link #exists(String)} to validate tags and {@link #codes()} to offer them; the codes are stable across plans
 * (a 2026–2030 plan may reuse {@code HIGH_QUALITY_FARMERS}).
 */
@Service
public class IndicatorCatalogService {

    /** Tag under which SELF_TEST records are kept; the self-test proxy of the literacy rate counts it. */
    static final String SELF_TEST_TAG = "#SELF_TEST";

    private final PlanRepository plans;
    private volatile Snapshot snapshot;

    IndicatorCatalogService(PlanRepository plans) {
        this.plans = plans;
    }

    /** True when some plan has an indicator with this code. */
    public boolean exists(String code) {
        return code != null && snapshot().sectionsByCode().containsKey(code);
    }

    /** Every indicator code of every plan, sorted. */
    public Set<String> codes() {
        return snapshot().sectionsByCode().keySet();
    }

    /** Every indicator code with its name (as the newest plan that uses the code words it), sorted by code. */
    public Map<String, String> names() {
        return snapshot().names();
    }

    /** The plan sections (stable section codes) an indicator code belongs to, across plans. */
    Set<String> sectionsOf(String code) {
        return snapshot().sectionsByCode().getOrDefault(code, Set.of());
    }

    /** Person-based counters fed by records carrying {@code tag}. */
    List<PersonCounter> personCounters(String tag) {
        return snapshot().counters().stream().filter(c -> c.tag().equals(tag)).toList();
    }

    List<PersonCounter> personCounters() {
        return snapshot().counters();
    }

    void invalidate() {
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            current = load();
            snapshot = current;
        }
        return current;
    }

    private Snapshot load() {
        Map<String, Set<String>> sections = new TreeMap<>();
        List<PersonCounter> counters = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        for (IndicatorRow i : plans.allIndicators()) {
            names.put(i.code(), i.name()); // rows come by plan, so a later plan's wording wins
            sections.computeIfAbsent(i.code(), k -> new TreeSet<>()).add(i.sectionCode());
            if (i.measureEnum().personBased()) {
                counters.add(new PersonCounter(i.id(), i.code(), i.populationGroup(), i.yearly(), i.periodStart(),
                        i.periodEnd()));
            }
            if (i.hasProxy()) {
                counters.add(new PersonCounter(i.id(), SELF_TEST_TAG, null, false, i.periodStart(), i.periodEnd()));
            }
        }
        Map<String, Set<String>> frozen = new TreeMap<>();
        sections.forEach((k, v) -> frozen.put(k, Set.copyOf(new LinkedHashSet<>(v))));
        return new Snapshot(java.util.Collections.unmodifiableMap(frozen), List.copyOf(counters),
                java.util.Collections.unmodifiableMap(names));
    }

    private record Snapshot(Map<String, Set<String>> sectionsByCode, List<PersonCounter> counters,
                            Map<String, String> names) {
    }

    /**
     * A distinct-person count kept in indicator_person: records tagged {@code tag} (optionally only one population
     * group) within the plan period, counted once per person per window (the whole period, or each year).
     */
    record PersonCounter(long indicatorId, String tag, String populationGroup, boolean yearly, LocalDate periodStart,
                         LocalDate periodEnd) {

        /** The counting window containing {@code day}, or null when the day is outside the plan period. */
        Window windowOf(LocalDate day) {
            if (day.isBefore(periodStart) || day.isAfter(periodEnd)) {
                return null;
            }
            if (!yearly) {
                return new Window(periodStart, periodEnd);
            }
            LocalDate start = LocalDate.of(day.getYear(), 1, 1);
            LocalDate end = LocalDate.of(day.getYear(), 12, 31);
            return new Window(start.isBefore(periodStart) ? periodStart : start, end.isAfter(periodEnd) ? periodEnd : end);
        }

        /** Windows overlapping [from, to]. */
        List<Window> windowsOverlapping(LocalDate from, LocalDate to) {
            List<Window> out = new ArrayList<>();
            LocalDate day = from.isBefore(periodStart) ? periodStart : from;
            LocalDate last = to.isAfter(periodEnd) ? periodEnd : to;
            while (!day.isAfter(last)) {
                Window w = windowOf(day);
                out.add(w);
                day = w.end().plusDays(1);
            }
            return out;
        }
    }

    record Window(LocalDate start, LocalDate end) {
    }
}
