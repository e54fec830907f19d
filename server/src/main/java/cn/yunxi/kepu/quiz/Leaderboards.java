package cn.yunxi.kepu.quiz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisZSetCommands;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.ResidentDirectory;
import cn.yunxi.kepu.resident.ResidentSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contest leaderboards. MySQL ({@code quiz_contest_entry}) is the truth; Redis holds, per contest, a sorted
 * set of resident id → {@link LeaderboardKey} value plus a "ready" marker set once the set has been filled
 * from MySQL. Submissions add with {@code ZADD GT} after commit. When the marker is missing (Redis flushed or
 * restarted) the first reader rebuilds: one instance at a time (a Redis lock), one thread per instance (a local
 * lock), the others wait briefly and otherwise answer from MySQL. A rebuild merges with {@code GT}, so a
 * submission landing during it is never lost. If Redis is unreachable, MySQL answers.
 */
@Service
class Leaderboards {

    private static final Logger log = LoggerFactory.getLogger(Leaderboards.class);
    private static final int CHUNK = 5_000;
    private static final long TOP_CACHE_MS = 2_000;

    /** ZADD GT of value/member pairs: the sorted set keeps each resident's best (a pair seen twice keeps the larger). */
    private static final RedisScript<Long> OFFER = new DefaultRedisScript<>(
            "redis.call('ZADD', KEYS[1], 'GT', unpack(ARGV)) return 1", Long.class);

    /** One round trip: ready?, top N with values, my value, how many are strictly above me, total. */
    @SuppressWarnings({"rawtypes"})
    private static final RedisScript<List> BOARD = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[2]) == 0 then return {0} end "
                    + "local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES') "
                    + "local mine = redis.call('ZSCORE', KEYS[1], ARGV[2]) "
                    + "local above = -1 "
                    + "if mine then above = redis.call('ZCOUNT', KEYS[1], '(' .. mine, '+inf') else mine = '' end "
                    + "return {1, top, mine, above, redis.call('ZCARD', KEYS[1])}", List.class);

    /** Only the caller's standing, for when this instance has just read the top of the board. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> MINE = new DefaultRedisScript<>(
            "if redis.call('EXISTS', KEYS[2]) == 0 then return {0} end "
                    + "local mine = redis.call('ZSCORE', KEYS[1], ARGV[1]) local above = 0 "
                    + "if mine then above = redis.call('ZCOUNT', KEYS[1], '(' .. mine, '+inf') else mine = '' end "
                    + "return {1, mine, above}", List.class);
    /**
     * How long this instance reuses the top of a board it read from Redis. Everyone asks for the same top 50 while
     * each asks for their own rank, so the top is shared for a moment (a submission on this instance refreshes it
     * at once; one on another instance shows within this time) and each request only fetches its own standing.
     */
    private static final long RECENT_TOP_MS = 1_000;

    private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final QuizStateMapper state;
    private final ResidentDirectory residents;
    private final RegionService regions;
    private final Map<Long, Object> localLocks = new ConcurrentHashMap<>();
    private final Map<String, CachedTop> topCache = new ConcurrentHashMap<>();
    private final Map<String, RecentTop> recentTops = new ConcurrentHashMap<>();

    Leaderboards(StringRedisTemplate redis, QuizStateMapper state, ResidentDirectory residents, RegionService regions,
                 JsonMapper json) {
        this.json = json;
        this.redis = redis;
        this.state = state;
        this.residents = residents;
        this.regions = regions;
    }

    static String key(long quizId) {
        return "kepu:quiz:lb:" + quizId;
    }

    static String readyKey(long quizId) {
        return key(quizId) + ":ready";
    }

    private static String lockKey(long quizId) {
        return key(quizId) + ":lock";
    }

    /** A graded contest attempt's place on its board. */
    record Offer(long quizId, long residentId, long rankValue) {
    }

    /** After graded contest attempts commit: one Redis call per contest, however many attempts it holds. */
    void offerAll(List<Offer> offers) {
        Map<Long, List<String>> argsByQuiz = new HashMap<>();
        for (Offer o : offers) {
            List<String> args = argsByQuiz.computeIfAbsent(o.quizId(), q -> new ArrayList<>());
            args.add(Long.toString(o.rankValue()));
            args.add(Long.toString(o.residentId()));
        }
        argsByQuiz.forEach((quizId, args) -> {
            try {
                redis.execute(OFFER, List.of(key(quizId)), args.toArray());
                forgetRecentTops(quizId);
            } catch (RuntimeException e) {
                log.warn("Leaderboard {} not updated in Redis ({}); it will be rebuilt from MySQL", quizId,
                        e.getMessage());
                try {
                    redis.delete(readyKey(quizId));
                } catch (RuntimeException ignored) {
                    // Redis is down; the marker is gone with it or will be rebuilt when it returns
                }
            }
        });
    }

    record Standing(int rank, String name, String regionName, int score, long durationMs) {
    }

    record Mine(Integer rank, Integer score, Long durationMs) {
    }

    /**
     * The answer to a leaderboard request. The top is the same for everyone asking about a contest at that moment,
     * so it is rendered to JSON once per cached top ({@link Top#json()}) and written as is; only the caller's own
     * standing is serialised per request.
     */
    @JsonPropertyOrder({"participants", "items", "me"})
    record Board(long participants, @JsonIgnore Top top, Mine me) {

        @JsonProperty("items")
        @JsonRawValue
        @ArraySchema(schema = @Schema(implementation = Standing.class))
        String items() {
            return top.json();
        }

        List<Standing> standings() {
            return top.standings();
        }
    }

    /** The top entries of a board with their JSON, rendered together. */
    record Top(List<Standing> standings, String json) {
    }

    private record Raw(List<long[]> top, Long myValue, Long above, long total) {
    }

    private record CachedTop(List<long[]> raw, Top top, long at) {
    }

    private record RecentTop(List<long[]> rows, long total, long at) {
    }

    Board board(long quizId, long residentId, int top) {
        Raw raw = withRecentTop(quizId, residentId, top);
        if (raw == null) {
            raw = fromRedis(quizId, residentId, top);
            if (raw != null) {
                recentTops.put(quizId + ":" + top, new RecentTop(raw.top(), raw.total(), System.currentTimeMillis()));
            }
        }
        if (raw == null) {
            raw = fromDatabase(quizId, residentId, top);
        }
        Top standings = standings(quizId, raw.top(), top);
        Mine me = raw.myValue() == null ? new Mine(null, null, null)
                : new Mine((int) (raw.above() + 1), LeaderboardKey.score(raw.myValue()), durationOf(raw.myValue()));
        return new Board(raw.total(), standings, me);
    }

    static long durationOf(long value) {
        return (LeaderboardKey.TIME_UNITS - ((value >>> 23) & LeaderboardKey.TIME_UNITS)) * 100;
    }

    private Raw fromDatabase(long quizId, long residentId, int top) {
        List<long[]> rows = state.top(quizId, top).stream()
                .map(r -> new long[] {r.getResidentId(), r.getRankValue()}).toList();
        Long mine = state.rankValueOf(quizId, residentId);
        Long above = mine == null ? null : state.countAbove(quizId, mine);
        return new Raw(rows, mine, above, state.countEntries(quizId));
    }

    /** The top this instance read a moment ago plus the caller's fresh standing; null when there is none. */
    @SuppressWarnings("unchecked")
    private Raw withRecentTop(long quizId, long residentId, int top) {
        RecentTop recent = recentTops.get(quizId + ":" + top);
        if (recent == null || System.currentTimeMillis() - recent.at() >= RECENT_TOP_MS) {
            return null;
        }
        try {
            List<Object> reply = evalList(MINE, key(quizId), readyKey(quizId), Long.toString(residentId));
            if (reply == null || reply.isEmpty() || toLong(text(reply.get(0))) != 1) {
                forgetRecentTops(quizId); // flushed: the full read rebuilds it
                return null;
            }
            String mine = text(reply.get(1));
            Long value = mine.isEmpty() ? null : toLong(mine);
            return new Raw(recent.rows(), value, value == null ? null : toLong(text(reply.get(2))), recent.total());
        } catch (RuntimeException e) {
            return null; // the full read decides between Redis and MySQL
        }
    }

    /**
     * EVALSHA of a script that returns a list, with two keys and one argument, on the template's connection but
     * without its script executor, whose connection proxy and argument and result serialisation were a visible
     * share of every leaderboard answer. Elements come back raw: byte[] for strings, Long for integers.
     */
    @SuppressWarnings("unchecked")
    private List<Object> evalList(RedisScript<?> script, String key1, String key2, String arg) {
        byte[] sha = script.getSha1().getBytes(StandardCharsets.UTF_8);
        byte[][] keysAndArg = {key1.getBytes(StandardCharsets.UTF_8), key2.getBytes(StandardCharsets.UTF_8),
                arg.getBytes(StandardCharsets.UTF_8)};
        return redis.execute((RedisCallback<List<Object>>) connection -> {
            try {
                return connection.scriptingCommands().evalSha(sha, ReturnType.MULTI, 2, keysAndArg);
            } catch (RuntimeException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                // first use since Redis started: send the script itself, which also caches it there
                return connection.scriptingCommands().eval(script.getScriptAsString().getBytes(StandardCharsets.UTF_8),
                        ReturnType.MULTI, 2, keysAndArg);
            }
        }, true);
    }

    /** Redis answers NOSCRIPT when it does not hold the script (restarted, or SCRIPT FLUSH). */
    private static boolean isNoScript(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value.toString();
    }

    private void forgetRecentTops(long quizId) {
        String prefix = quizId + ":";
        recentTops.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @SuppressWarnings("unchecked")
    private Raw fromRedis(long quizId, long residentId, int top) {
        try {
            for (int round = 0; round < 2; round++) {
                List<Object> reply = redis.execute(BOARD, List.of(key(quizId), readyKey(quizId)),
                        Integer.toString(top), Long.toString(residentId));
                if (reply != null && !reply.isEmpty() && toLong(reply.get(0)) == 1) {
                    List<Object> flat = (List<Object>) reply.get(1);
                    List<long[]> rows = new ArrayList<>(flat.size() / 2);
                    for (int i = 0; i + 1 < flat.size(); i += 2) {
                        rows.add(new long[] {Long.parseLong(flat.get(i).toString()), toLong(flat.get(i + 1))});
                    }
                    String mine = reply.get(2) == null ? "" : reply.get(2).toString();
                    Long value = mine.isEmpty() ? null : toLong(mine);
                    Long above = value == null ? null : toLong(reply.get(3));
                    return new Raw(rows, value, above, toLong(reply.get(4)));
                }
                if (round == 0 && !rebuildOrWait(quizId)) {
                    return null;
                }
            }
            return null;
        } catch (RuntimeException e) {
            log.warn("Leaderboard {} answered from MySQL: Redis unavailable ({})", quizId, e.getMessage());
            return null;
        }
    }

    private static long toLong(Object value) {
        String s = value.toString();
        return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0
                ? (long) Double.parseDouble(s) : Long.parseLong(s);
    }

    /** Returns true when the board is ready in Redis (rebuilt here or by someone else meanwhile). */
    private boolean rebuildOrWait(long quizId) {
        synchronized (localLocks.computeIfAbsent(quizId, id -> new Object())) {
            if (Boolean.TRUE.equals(redis.hasKey(readyKey(quizId)))) {
                return true;
            }
            String token = UUID.randomUUID().toString();
            Boolean locked = redis.opsForValue().setIfAbsent(lockKey(quizId), token, Duration.ofSeconds(60));
            if (Boolean.TRUE.equals(locked)) {
                try {
                    rebuild(quizId);
                    return true;
                } finally {
                    redis.execute(UNLOCK, List.of(lockKey(quizId)), token);
                }
            }
            // Another instance rebuilds: wait a little for it, then let MySQL answer.
            for (int i = 0; i < 40; i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (Boolean.TRUE.equals(redis.hasKey(readyKey(quizId)))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Fills the sorted set from MySQL (merging with GT) and marks it ready. */
    void rebuild(long quizId) {
        byte[] rawKey = key(quizId).getBytes(StandardCharsets.UTF_8);
        long after = 0;
        long count = 0;
        while (true) {
            List<QuizStateMapper.RankRow> chunk = state.rankChunk(quizId, after, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            Set<Tuple> tuples = new LinkedHashSet<>();
            for (QuizStateMapper.RankRow row : chunk) {
                tuples.add(new DefaultTuple(row.getResidentId().toString().getBytes(StandardCharsets.UTF_8),
                        row.getRankValue().doubleValue()));
            }
            redis.execute((RedisCallback<Long>) connection -> connection.zSetCommands()
                    .zAdd(rawKey, tuples, RedisZSetCommands.ZAddArgs.empty().gt()));
            count += chunk.size();
            after = chunk.get(chunk.size() - 1).getResidentId();
        }
        redis.opsForValue().set(readyKey(quizId), "1");
        log.info("Leaderboard {} rebuilt from MySQL: {} entries", quizId, count);
    }

    /** Names and regions for the top entries, rendered at most every two seconds per contest. */
    private Top standings(long quizId, List<long[]> top, int n) {
        String cacheKey = quizId + ":" + n;
        long now = System.currentTimeMillis();
        CachedTop cached = n > 0 ? topCache.get(cacheKey) : null;
        if (cached != null && now - cached.at() < TOP_CACHE_MS && sameOrder(cached.raw(), top)) {
            return cached.top();
        }
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
                    entry != null ? entry.getDurationMs() : durationOf(value)));
        }
        List<Standing> list = List.copyOf(standings);
        Top result = new Top(list, json.writeValueAsString(list));
        if (n > 0) {
            topCache.put(cacheKey, new CachedTop(top, result, now));
        }
        return result;
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

    void evictRendered() {
        topCache.clear();
        recentTops.clear();
    }

    /** Per town and village: participants, participation rate against population, average best score. */
    RegionBoard regions(long quizId) {
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
