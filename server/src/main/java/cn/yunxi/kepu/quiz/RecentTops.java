package cn.yunxi.kepu.quiz;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The top of each board this instance read from Redis a moment ago. Everyone asks for the same top 50 while each
 * asks for their own rank, so the top is shared for a moment (a submission on this instance refreshes it at once;
 * one on another instance shows within {@link #RECENT_TOP_MS}) and each request only fetches its own standing.
 */
@Component
class RecentTops {

    private static final long RECENT_TOP_MS = 1_000;

    record RecentTop(List<long[]> rows, long total, long at) {
    }

    private final Map<String, RecentTop> tops = new ConcurrentHashMap<>();

    /** The top read within the last moment, or null. */
    RecentTop fresh(long quizId, int top) {
        RecentTop recent = tops.get(quizId + ":" + top);
        return recent == null || System.currentTimeMillis() - recent.at() >= RECENT_TOP_MS ? null : recent;
    }

    void remember(long quizId, int top, RawBoard raw) {
        tops.put(quizId + ":" + top, new RecentTop(raw.top(), raw.total(), System.currentTimeMillis()));
    }

    void forget(long quizId) {
        String prefix = quizId + ":";
        tops.keySet().removeIf(k -> k.startsWith(prefix));
    }

    void clear() {
        tops.clear();
    }
}
