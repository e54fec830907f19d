package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;

/** A contest's standings by town and village: participants, participation rate against population, average best score. */
@Component
class RegionLeaderboard {

    private final QuizStateMapper state;
    private final RegionService regions;

    RegionLeaderboard(QuizStateMapper state, RegionService regions) {
        this.state = state;
        this.regions = regions;
    }

    RegionBoard board(long quizId) {
        Map<String, QuizStateMapper.RegionRow> byVillage = new HashMap<>();
        state.byRegion(quizId).forEach(r -> byVillage.put(r.getRegionCode() == null ? "" : r.getRegionCode(), r));
        List<RegionStanding> villages = new ArrayList<>();
        Map<String, long[]> townTotals = new HashMap<>(); // participants, scoreSum, population
        for (RegionInfo village : regions.villages()) {
            QuizStateMapper.RegionRow row = byVillage.get(village.code());
            int participants = row == null ? 0 : row.getParticipants();
            long scoreSum = row == null ? 0 : row.getScoreSum();
            villages.add(standing(village.code(), village.name(), village.townName(), participants, scoreSum,
                    village.population()));
            long[] t = townTotals.computeIfAbsent(village.townCode(), k -> new long[3]);
            t[0] += participants;
            t[1] += scoreSum;
            t[2] += village.population() == null ? 0 : village.population();
        }
        List<RegionStanding> towns = new ArrayList<>();
        for (RegionInfo town : regions.towns()) {
            long[] t = townTotals.getOrDefault(town.code(), new long[3]);
            Integer population = town.population() != null ? town.population() : t[2] > 0 ? (int) t[2] : null;
            towns.add(standing(town.code(), town.name(), town.name(), (int) t[0], t[1], population));
        }
        Comparator<RegionStanding> order = Comparator
                .comparing((RegionStanding s) -> s.participationRate() == null ? -1 : s.participationRate()).reversed()
                .thenComparing(RegionStanding::participants, Comparator.reverseOrder());
        towns.sort(order);
        villages.sort(order);
        return new RegionBoard(towns, villages);
    }

    private static RegionStanding standing(String code, String name, String townName, int participants, long scoreSum,
                                           Integer population) {
        Double rate = population == null || population == 0 ? null
                : Math.round(participants * 10000.0 / population) / 100.0;
        Double average = participants == 0 ? null : Math.round(scoreSum * 10.0 / participants) / 10.0;
        return new RegionStanding(code, name, townName, participants, population, rate, average);
    }

    /** @param participationRate percent of the population, two decimals; null when the population is unknown */
    record RegionStanding(String code, String name, String townName, int participants, Integer population,
                          Double participationRate, Double averageScore) {
    }

    record RegionBoard(List<RegionStanding> towns, List<RegionStanding> villages) {
    }
}
