package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.quiz.LeaderboardService.Standing;
import cn.yunxi.kepu.quiz.LeaderboardService.Top;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentService;
import cn.yunxi.kepu.resident.ResidentSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts names and regions on the top entries of a board and renders them to JSON, at most every two seconds per
 * contest: the top is the same for everyone asking at that moment, so it is rendered once and written as is.
 */
@Component
class LeaderboardRenderer {

    private static final long TOP_CACHE_MS = 2_000;

    private record CachedTop(List<long[]> raw, Top top, long at) {
    }

    private final JsonMapper json;
    private final QuizStateMapper state;
    private final ResidentService residents;
    private final RegionService regions;
    private final Map<String, CachedTop> topCache = new ConcurrentHashMap<>();
    private final Map<String, Object> renderLocks = new ConcurrentHashMap<>();

    LeaderboardRenderer(JsonMapper json, QuizStateMapper state, ResidentService residents, RegionService regions) {
        this.json = json;
        this.state = state;
        this.residents = residents;
        this.regions = regions;
    }

    Top standings(long quizId, List<long[]> top, int n) {
        if (n <= 0) {
            return render(quizId, top);
        }
        String cacheKey = quizId + ":" + n;
        Top fresh = fresh(cacheKey, top);
        if (fresh != null) {
            return fresh;
        }
        // One render per board at a time: when the cached top expired, every request in flight missed it at once
        // and each ran the three queries below (about 4% of a leaderboard answer's CPU time under load); now the
        // others wait for the one rendering and take its result.
        synchronized (renderLocks.computeIfAbsent(cacheKey, k -> new Object())) {
            fresh = fresh(cacheKey, top);
            if (fresh != null) {
                return fresh;
            }
            Top result = render(quizId, top);
            topCache.put(cacheKey, new CachedTop(top, result, System.currentTimeMillis()));
            return result;
        }
    }

    private Top fresh(String cacheKey, List<long[]> top) {
        CachedTop cached = topCache.get(cacheKey);
        boolean fresh = cached != null && System.currentTimeMillis() - cached.at() < TOP_CACHE_MS
                && sameOrder(cached.raw(), top);
        return fresh ? cached.top() : null;
    }

    private Top render(long quizId, List<long[]> top) {
        List<Long> ids = top.stream().map(r -> r[0]).toList();
        Map<Long, QuizStateMapper.EntryRow> entries = ids.isEmpty() ? Map.of()
                : state.entries(quizId, ids).stream().collect(Collectors.toMap(QuizStateMapper.EntryRow::getResidentId,
                        Function.identity()));
        Map<Long, ResidentSummary> people = residents.findAll(ids).stream()
                .collect(Collectors.toMap(ResidentSummary::id, Function.identity()));
        Set<Long> optedIn = ids.isEmpty() ? Set.of() : Set.copyOf(state.optedIn(ids));
        List<Standing> standings = new ArrayList<>(top.size());
        int rank = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < top.size(); i++) {
            long id = top.get(i)[0];
            long value = top.get(i)[1];
            if (value != previous) {
                rank = i + 1;
                previous = value;
            }
            QuizStateMapper.EntryRow entry = entries.get(id);
            ResidentSummary person = people.get(id);
            String regionCode = entry != null ? entry.getRegionCode() : person == null ? null : person.regionCode();
            String regionName = regions.find(regionCode).map(RegionInfo::name).orElse("云溪区");
            String name = optedIn.contains(id) && person != null && person.nickname() != null
                    ? person.nickname() : regionName + " 居民";
            standings.add(new Standing(rank, name, regionName, LeaderboardKey.score(value),
                    entry != null ? entry.getDurationMs() : LeaderboardKey.durationMs(value)));
        }
        List<Standing> list = List.copyOf(standings);
        return Top.of(list, json.writeValueAsString(list));
    }

    private static boolean sameOrder(List<long[]> a, List<long[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
                return false;
            }
        }
        return true;
    }

    void clear() {
        topCache.clear();
    }
}
