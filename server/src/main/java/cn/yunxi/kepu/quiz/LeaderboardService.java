package cn.yunxi.kepu.quiz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/**
 * Contest leaderboards. MySQL ({@code quiz_contest_entry}) is the truth; Redis holds each board as a sorted set
 * ({@link RedisLeaderboard}, refilled by {@link LeaderboardRebuild} after a flush) and answers reads, sharing the
 * top for a moment ({@link RecentTops}); when Redis cannot answer, MySQL does ({@link DatabaseLeaderboard}).
 * Names go on the top entries once per moment ({@link LeaderboardRenderer}). Boards by town and village are
 * {@link RegionLeaderboard}.
 */
@Service
class LeaderboardService {

    private final RedisLeaderboard redisBoard;
    private final DatabaseLeaderboard databaseBoard;
    private final LeaderboardRenderer renderer;
    private final RecentTops recentTops;
    private final RegionLeaderboard regionBoard;

    LeaderboardService(RedisLeaderboard redisBoard, DatabaseLeaderboard databaseBoard, LeaderboardRenderer renderer,
                       RecentTops recentTops, RegionLeaderboard regionBoard) {
        this.redisBoard = redisBoard;
        this.databaseBoard = databaseBoard;
        this.renderer = renderer;
        this.recentTops = recentTops;
        this.regionBoard = regionBoard;
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
        argsByQuiz.forEach(redisBoard::offer);
    }

    record Standing(int rank, String name, String regionName, int score, long durationMs) {
    }

    record Mine(Integer rank, Integer score, Long durationMs) {
    }

    /**
     * The answer to a leaderboard request. The top is the same for everyone asking about a contest at that moment,
     * so it is rendered to JSON and encoded to UTF-8 once per cached top ({@link Top#json()}) and its bytes are
     * copied as they are; only the caller's own standing is serialised per request, straight onto the response
     * when the request leaves nothing to negotiate ({@link cn.yunxi.kepu.common.web.DirectJsonReturnValueHandler}).
     */
    @JsonPropertyOrder({"participants", "items", "me"})
    record Board(long participants, @JsonIgnore Top top, Mine me) {

        @JsonProperty("items")
        // Documented as what it is, an array of standings: with @ArraySchema on a String the document said "string"
        // and left Standing out of its schemas, which broke clients generated from it.
        @Schema(implementation = Standing[].class)
        RawValue items() {
            return top.json();
        }

        List<Standing> standings() {
            return top.standings();
        }
    }

    /**
     * The top entries of a board with their JSON, rendered together. The JSON is held as UTF-8 bytes: written
     * from a String ({@code @JsonRawValue}), its 50 entries with their Chinese names were re-encoded on every
     * request, about 5% of a leaderboard answer's CPU time.
     */
    record Top(List<Standing> standings, RawValue json) {

        static Top of(List<Standing> standings, String json) {
            SerializedString encoded = new SerializedString(json);
            encoded.asUnquotedUTF8(); // encoded once here rather than by the first request that writes it
            return new Top(standings, new RawValue(encoded));
        }
    }

    Board board(long quizId, long residentId, int top) {
        RawBoard raw = redisBoard.read(quizId, residentId, top);
        if (raw == null) {
            raw = databaseBoard.read(quizId, residentId, top);
        }
        Top standings = renderer.standings(quizId, raw.top(), top);
        Mine me = raw.myValue() == null ? new Mine(null, null, null)
                : new Mine((int) (raw.above() + 1), LeaderboardKey.score(raw.myValue()),
                        LeaderboardKey.durationMs(raw.myValue()));
        return new Board(raw.total(), standings, me);
    }

    RegionLeaderboard.RegionBoard regions(long quizId) {
        return regionBoard.board(quizId);
    }

    void evictRendered() {
        renderer.clear();
        recentTops.clear();
    }
}
