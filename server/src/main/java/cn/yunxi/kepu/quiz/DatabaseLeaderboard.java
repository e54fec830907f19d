package cn.yunxi.kepu.quiz;

import java.util.List;

import org.springframework.stereotype.Component;

/** A board read from MySQL ({@code quiz_contest_entry}, the truth), for when Redis cannot answer. */
@Component
class DatabaseLeaderboard {

    private final QuizStateMapper state;

    DatabaseLeaderboard(QuizStateMapper state) {
        this.state = state;
    }

    RawBoard read(long quizId, long residentId, int top) {
        List<long[]> rows = state.top(quizId, top).stream()
                .map(r -> new long[] {r.getResidentId(), r.getRankValue()}).toList();
        Long mine = state.rankValueOf(quizId, residentId);
        Long above = mine == null ? null : state.countAbove(quizId, mine);
        return new RawBoard(rows, mine, above, state.countEntries(quizId));
    }
}
