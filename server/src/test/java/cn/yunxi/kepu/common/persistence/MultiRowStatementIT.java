package cn.yunxi.kepu.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.yunxi.kepu.support.KepuIntegrationTest;

/**
 * Multi-row statements against the real server: every value arrives as bound (nulls, decimals, dates, text that
 * needs escaping), rows beyond one statement go in further statements in order, upserts apply row after row, a
 * refused statement writes nothing (an all-or-nothing insert: nor do the statements before it), and the
 * keyed update writes each row's values to its own key and reports how many rows it matched.
 */
@KepuIntegrationTest
class MultiRowStatementIT {

    private static final MultiRowStatement INSERT = MultiRowStatement.values(
            "INSERT INTO multi_row_probe (id, label, amount, day, at, flag) VALUES ", 6, "");
    private static final MultiRowStatement ADD = MultiRowStatement.values(
            "INSERT INTO multi_row_probe (id, label, amount, day, at, flag) VALUES ", 6,
            " ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount), label = VALUES(label)");
    private static final MultiRowStatement RELABEL = MultiRowStatement.updateByKey("multi_row_probe", "id",
            List.of("label", "amount", "at"), "flag = TRUE");

    private record Probe(long id, String label, BigDecimal amount, LocalDate day, LocalDateTime at, Boolean flag) {
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE multi_row_probe (id BIGINT PRIMARY KEY, label VARCHAR(200) NULL, "
                + "amount DECIMAL(8, 2) NOT NULL, day DATE NULL, at DATETIME NULL, flag BOOLEAN NULL)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE multi_row_probe");
    }

    @Test
    void everyRowArrivesAsBoundAcrossSeveralStatements() {
        int count = MultiRowStatement.MAX_ROWS * 2 + 7;
        List<Probe> rows = IntStream.rangeClosed(1, count).mapToObj(i -> new Probe(i,
                i % 5 == 0 ? null : "行 " + i + " 'quoted' \"json\" \\ back",
                new BigDecimal(i).movePointLeft(2),
                i % 3 == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(i),
                LocalDateTime.of(2026, 12, 6, 8, 30, 15).plusMinutes(i),
                i % 7 == 0 ? null : i % 2 == 0)).toList();

        int affected = INSERT.execute(jdbc, rows, MultiRowStatementIT::bind);

        assertThat(affected).isEqualTo(count);
        List<Probe> stored = jdbc.query("SELECT id, label, amount, day, at, flag FROM multi_row_probe ORDER BY id",
                (rs, n) -> new Probe(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class),
                        rs.getObject(6, Boolean.class)));
        assertThat(stored).containsExactlyElementsOf(rows);
    }

    @Test
    void upsertRowsApplyInTheirOrder() {
        int count = MultiRowStatement.MAX_ROWS + 10;
        List<Probe> rows = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Probe(i % 3, "第 " + i + " 行", BigDecimal.ONE, null, null, true)).toList();

        ADD.execute(jdbc, rows, MultiRowStatementIT::bind);

        // each key's label is its last row's, its amount the number of its rows, across the statements
        List<Map<String, Object>> stored =
                jdbc.queryForList("SELECT id, label, amount FROM multi_row_probe ORDER BY id");
        assertThat(stored)
                .extracting(r -> r.get("id"), r -> r.get("label"), r -> ((BigDecimal) r.get("amount")).intValue())
                .containsExactly(IntStream.range(0, 3).mapToObj(key -> {
                    int last = IntStream.rangeClosed(1, count).filter(i -> i % 3 == key).max().orElseThrow();
                    long rowsOfKey = IntStream.rangeClosed(1, count).filter(i -> i % 3 == key).count();
                    return tuple((long) key, "第 " + last + " 行", (int) rowsOfKey);
                }).toArray(Tuple[]::new));
    }

    @Test
    void aRefusedStatementWritesNothingOfItsRows() {
        INSERT.execute(jdbc, List.of(new Probe(5, "已有", BigDecimal.TEN, null, null, null)), MultiRowStatementIT::bind);
        List<Probe> clash = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> new Probe(i, "新", BigDecimal.ONE, null, null, null)).toList();

        assertThatThrownBy(() -> INSERT.execute(jdbc, clash, MultiRowStatementIT::bind))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.queryForList("SELECT label FROM multi_row_probe", String.class)).containsExactly("已有");
    }

    @Test
    void anAllOrNothingInsertRefusedInALaterStatementLeavesNothingOfTheEarlierOnes() {
        long taken = MultiRowStatement.MAX_ROWS + 7;
        INSERT.execute(jdbc, List.of(new Probe(taken, "已有", BigDecimal.TEN, null, null, null)),
                MultiRowStatementIT::bind);
        // more rows than one statement carries: the first statement is written before the second is refused
        List<Probe> clash = IntStream.rangeClosed(1, MultiRowStatement.MAX_ROWS + 12)
                .mapToObj(i -> new Probe(i, "新", BigDecimal.ONE, null, null, null)).toList();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        Integer afterRefusal = tx.execute(status -> {
            assertThatThrownBy(() -> INSERT.allOrNothing().execute(jdbc, clash, MultiRowStatementIT::bind))
                    .isInstanceOf(DuplicateKeyException.class);
            // the caller's transaction goes on: it may write the rows another way
            return jdbc.queryForObject("SELECT COUNT(*) FROM multi_row_probe", Integer.class);
        });

        assertThat(afterRefusal).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT label FROM multi_row_probe", String.class)).containsExactly("已有");
    }

    @Test
    void anAllOrNothingInsertWritesEveryStatementWhenNoneIsRefused() {
        int count = MultiRowStatement.MAX_ROWS + 12;
        List<Probe> rows = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Probe(i, "新", BigDecimal.ONE, null, null, null)).toList();

        Integer written = new TransactionTemplate(transactions)
                .execute(status -> INSERT.allOrNothing().execute(jdbc, rows, MultiRowStatementIT::bind));

        assertThat(written).isEqualTo(count);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM multi_row_probe", Integer.class)).isEqualTo(count);
    }

    @Test
    void theKeyedUpdateWritesEachRowsValuesToItsKeyAndCountsTheRowsItMatched() {
        List<Probe> rows = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> new Probe(i, "旧", BigDecimal.ONE, null, null, i <= 4)).toList();
        INSERT.execute(jdbc, rows, MultiRowStatementIT::bind);
        LocalDateTime at = LocalDateTime.of(2026, 12, 6, 8, 30, 15);

        int matched = RELABEL.execute(jdbc, List.of(4L, 2L, 6L, 99L), (p, id) -> {
            p.setLong(1, id);
            p.setString(2, "新标签 '" + id + "'");
            p.setBigDecimal(3, new BigDecimal(id + ".25"));
            p.setObject(4, at.plusMinutes(id));
        });

        assertThat(matched).isEqualTo(2); // 6 is not flagged, 99 does not exist
        assertThat(jdbc.query("SELECT label, amount, at FROM multi_row_probe ORDER BY id",
                (rs, i) -> tuple(rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, LocalDateTime.class))))
                .containsExactly(tuple("旧", new BigDecimal("1.00"), null),
                        tuple("新标签 '2'", new BigDecimal("2.25"), at.plusMinutes(2)),
                        tuple("旧", new BigDecimal("1.00"), null),
                        tuple("新标签 '4'", new BigDecimal("4.25"), at.plusMinutes(4)),
                        tuple("旧", new BigDecimal("1.00"), null),
                        tuple("旧", new BigDecimal("1.00"), null));
    }

    @Test
    void theKeyedUpdateGoesAsSeveralStatementsBeyondOne() {
        int count = MultiRowStatement.MAX_ROWS + 12;
        List<Probe> rows = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Probe(i, "旧", BigDecimal.ONE, null, null, true)).toList();
        INSERT.execute(jdbc, rows, MultiRowStatementIT::bind);

        int matched = RELABEL.execute(jdbc, rows, (p, r) -> {
            p.setLong(1, r.id());
            p.setString(2, "第" + r.id() + "行");
            p.setBigDecimal(3, BigDecimal.valueOf(r.id()));
            p.setNull(4, Types.TIMESTAMP);
        });

        assertThat(matched).isEqualTo(count);
        assertThat(jdbc.queryForList("SELECT COUNT(*) FROM multi_row_probe WHERE label = CONCAT('第', id, '行') "
                + "AND amount = id", Integer.class)).containsExactly(count);
    }

    @Test
    void nothingToWriteSendsNothing() {
        assertThat(INSERT.execute(jdbc, List.<Probe>of(), MultiRowStatementIT::bind)).isZero();
    }

    private static void bind(MultiRowStatement.RowParameters p, Probe r) throws SQLException {
        p.setLong(1, r.id());
        if (r.label() == null) {
            p.setNull(2, Types.VARCHAR);
        } else {
            p.setString(2, r.label());
        }
        p.setBigDecimal(3, r.amount());
        p.setObject(4, r.day());
        p.setObject(5, r.at());
        if (r.flag() == null) {
            p.setNull(6, Types.BOOLEAN);
        } else {
            p.setBoolean(6, r.flag());
        }
    }
}
