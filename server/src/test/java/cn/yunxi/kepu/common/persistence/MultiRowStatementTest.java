package cn.yunxi.kepu.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MultiRowStatementTest {

    @Test
    void rowsAreSentInAFewRowCountsOnly() {
        Set<Integer> counts = new TreeSet<>();
        for (int rows = 1; rows <= 300; rows++) {
            List<Integer> statements = statementsFor(rows);
            assertThat(statements.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
            assertThat(statements).allSatisfy(n -> assertThat(n).isBetween(1, MultiRowStatement.MAX_ROWS));
            if (rows <= MultiRowStatement.MAX_ROWS) {
                assertThat(statements).hasSizeLessThanOrEqualTo(2);
            }
            counts.addAll(statements);
        }
        assertThat(counts).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112,
                120, 128);
        assertThat(statementsFor(33)).containsExactly(32, 1);
        assertThat(statementsFor(8)).containsExactly(8);
        assertThat(statementsFor(70)).containsExactly(64, 6);
        assertThat(statementsFor(140)).containsExactly(128, 8, 4);
    }

    @Test
    void valuesRowsFollowTheHeadAndPrecedeTheTail() {
        MultiRowStatement upsert = MultiRowStatement.values("INSERT INTO t (a, b) VALUES ", 2,
                " ON DUPLICATE KEY UPDATE b = VALUES(b)");

        assertThat(upsert.sql(1)).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b)");
        assertThat(upsert.sql(3)).isEqualTo(
                "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON DUPLICATE KEY UPDATE b = VALUES(b)");
    }

    @Test
    void unionRowsNameTheirColumnsOnceInTheFirstRow() {
        MultiRowStatement update = MultiRowStatement.unionAll("UPDATE t JOIN (", List.of("id", "v"),
                ") g ON g.id = t.id SET t.v = g.v");

        assertThat(update.sql(2)).isEqualTo(
                "UPDATE t JOIN (SELECT ? AS id, ? AS v UNION ALL SELECT ?, ?) g ON g.id = t.id SET t.v = g.v");
    }

    private static List<Integer> statementsFor(int rows) {
        List<Integer> statements = new ArrayList<>();
        for (int remaining = rows; remaining > 0; ) {
            int next = MultiRowStatement.rowsInNextStatement(remaining);
            statements.add(next);
            remaining -= next;
        }
        return statements;
    }
}
