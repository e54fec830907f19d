package cn.yunxi.kepu.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    void aKeyedUpdateHasOneCasePerColumnAndItsKeysInTheCondition() {
        MultiRowStatement update = MultiRowStatement.updateByKey("t", "id", List.of("a", "b"), "state = 'OPEN'");

        assertThat(update.sql(2)).isEqualTo("UPDATE t SET a = CASE id WHEN ? THEN ? WHEN ? THEN ? END, "
                + "b = CASE id WHEN ? THEN ? WHEN ? THEN ? END WHERE id IN (?, ?) AND state = 'OPEN'");
        assertThat(MultiRowStatement.updateByKey("t", "id", List.of("a"), "").sql(1))
                .isEqualTo("UPDATE t SET a = CASE id WHEN ? THEN ? END WHERE id IN (?)");
    }

    @Test
    void aKeyedUpdatesRowValuesLandOnTheirPlaceholders() throws SQLException {
        MultiRowStatement update = MultiRowStatement.updateByKey("t", "id", List.of("a", "b"), "");
        Map<Integer, Object> bound = new TreeMap<>();
        PreparedStatement ps = recording(bound);

        update.bindAll(ps, List.of(new long[] {7, 70, 700}, new long[] {8, 80, 800}), (p, row) -> {
            p.setLong(1, row[0]);
            p.setLong(2, row[1]);
            p.setLong(3, row[2]);
        });

        // a: WHEN 7 THEN 70 WHEN 8 THEN 80; b: WHEN 7 THEN 700 WHEN 8 THEN 800; IN (7, 8)
        assertThat(bound.values()).containsExactly(7L, 70L, 8L, 80L, 7L, 700L, 8L, 800L, 7L, 8L);
    }

    @Test
    void valuesRowsLandSideBySide() throws SQLException {
        MultiRowStatement insert = MultiRowStatement.values("INSERT INTO t (a, b) VALUES ", 2, "");
        Map<Integer, Object> bound = new TreeMap<>();

        insert.bindAll(recording(bound), List.of(new long[] {1, 2}, new long[] {3, 4}), (p, row) -> {
            p.setLong(1, row[0]);
            p.setLong(2, row[1]);
        });

        assertThat(bound).containsExactly(Map.entry(1, 1L), Map.entry(2, 2L), Map.entry(3, 3L), Map.entry(4, 4L));
    }

    /** A statement that only records what is bound where (every placeholder must be bound exactly once). */
    private static PreparedStatement recording(Map<Integer, Object> bound) {
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("setLong")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    assertThat(bound.put((Integer) args[0], args[1])).as("placeholder %s bound twice", args[0])
                            .isNull();
                    return null;
                });
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
