package cn.yunxi.kepu.quiz;

import java.util.List;

/**
 * A board as Redis or MySQL hold it, before names are put on it.
 *
 * @param top     resident id and {@link LeaderboardKey} value of the top entries, best first
 * @param myValue the caller's value, null when the caller has no entry
 * @param above   how many entries are strictly better than the caller's, null when the caller has no entry
 * @param total   how many residents have an entry
 */
record RawBoard(List<long[]> top, Long myValue, Long above, long total) {
}
