package cn.yunxi.kepu.common.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One statement carrying many rows: {@code INSERT ... VALUES (?, ...), (?, ...) [ON DUPLICATE KEY UPDATE ...]}, or a
 * derived table of {@code SELECT ... UNION ALL SELECT ...} rows for an {@code UPDATE ... JOIN}, bound row by row
 * straight onto the one prepared statement.
 *
 * <p>A JDBC batch with {@code rewriteBatchedStatements} sends the same single statement, but Connector/J gets there
 * by copying every bound value into a second statement and encoding every value twice: once only to measure the
 * batch against {@code max_allowed_packet}, once to send it. On a crowd of quiz submissions that sizing pass and the
 * copies were a sixth of all the server's work. Here each value is encoded once. Rows are sent in order (an upsert's
 * rows apply in that order) in statements of at most {@link #MAX_ROWS} rows, far below any packet limit; the statement
 * text for each row count is built once, and only 23 row counts are ever sent.
 */
public final class MultiRowStatement {

    /**
     * Rows per statement: two per submission of the largest graded batch (its points lines), and well under the packet
     * limit for the widest row written.
     */
    public static final int MAX_ROWS = 128;

    /** Above this many rows, statements carry a multiple of it (see {@link #rowsInNextStatement}). */
    static final int STEP = 8;

    /** Binds one row's values; {@code p}'s indexes are 1-based within the row, as on a one-row statement. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(RowParameters p, T row) throws SQLException;
    }

    private final String head;
    private final String firstRow;
    private final String nextRow;
    private final String separator;
    private final String tail;
    private final int columns;
    private final boolean allOrNothing;
    private final AtomicReferenceArray<String> sqlByRows = new AtomicReferenceArray<>(MAX_ROWS + 1);

    private MultiRowStatement(String head, String firstRow, String nextRow, String separator, String tail, int columns,
                              boolean allOrNothing) {
        this.head = head;
        this.firstRow = firstRow;
        this.nextRow = nextRow;
        this.separator = separator;
        this.tail = tail;
        this.columns = columns;
        this.allOrNothing = allOrNothing;
    }

    /**
     * The same statement, whose rows are written all or none: up to {@link #MAX_ROWS} rows go as one statement (one
     * text per row count), more as several behind a savepoint of the caller's transaction, rolled back when one is
     * refused. For an insert whose caller recovers from a refusal (a unique key) in the same transaction, as if nothing
     * of it had been written. Outside a transaction every statement commits on its own.
     */
    public MultiRowStatement allOrNothing() {
        return new MultiRowStatement(head, firstRow, nextRow, separator, tail, columns, true);
    }

    /**
     * {@code head + (?, ...), (?, ...) + tail}: {@code head} ends with {@code VALUES }, {@code tail} is empty or an
     * {@code ON DUPLICATE KEY UPDATE} clause.
     */
    public static MultiRowStatement values(String head, int columns, String tail) {
        StringJoiner row = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < columns; i++) {
            row.add("?");
        }
        return new MultiRowStatement(head, row.toString(), row.toString(), ", ", tail, columns, false);
    }

    /**
     * {@code head + SELECT ? AS a, ? AS b UNION ALL SELECT ?, ? ... + tail}: the rows as a derived table named by
     * {@code head} and {@code tail}, e.g. {@code UPDATE t JOIN (} ... {@code ) v ON v.id = t.id SET ...}.
     */
    public static MultiRowStatement unionAll(String head, List<String> columnNames, String tail) {
        StringJoiner first = new StringJoiner(", ", "SELECT ", "");
        StringJoiner next = new StringJoiner(", ", "SELECT ", "");
        for (String name : columnNames) {
            first.add("? AS " + name);
            next.add("?");
        }
        return new MultiRowStatement(head, first.toString(), next.toString(), " UNION ALL ", tail, columnNames.size(),
                false);
    }

    /** Sends the rows in order; returns the rows the server reports affected (summed over the statements). */
    public <T> int execute(JdbcTemplate jdbc, List<T> rows, RowBinder<? super T> binder) {
        if (allOrNothing && rows.size() > MAX_ROWS && TransactionSynchronizationManager.isActualTransactionActive()) {
            Integer affected = jdbc.execute((ConnectionCallback<Integer>) connection -> {
                Savepoint before = connection.setSavepoint();
                int written;
                try {
                    written = executeAll(jdbc, rows, binder);
                } catch (RuntimeException refused) {
                    connection.rollback(before);
                    throw refused;
                }
                connection.releaseSavepoint(before);
                return written;
            });
            return affected == null ? 0 : affected;
        }
        return executeAll(jdbc, rows, binder);
    }

    private <T> int executeAll(JdbcTemplate jdbc, List<T> rows, RowBinder<? super T> binder) {
        int affected = 0;
        for (int from = 0; from < rows.size(); ) {
            int remaining = rows.size() - from;
            List<T> chunk = rows.subList(from, from + (allOrNothing ? Math.min(remaining, MAX_ROWS)
                    : rowsInNextStatement(remaining)));
            from += chunk.size();
            affected += jdbc.update(sql(chunk.size()), ps -> {
                RowParameters parameters = new RowParameters(ps);
                for (T row : chunk) {
                    binder.bind(parameters, row);
                    parameters.offset += columns;
                }
            });
        }
        return affected;
    }

    /**
     * How many of the remaining rows the next statement carries: up to {@link #MAX_ROWS}, and beyond {@link #STEP} rows
     * a multiple of it (33 rows go as 32 + 1). The driver keeps the parsed text of each statement per connection in a
     * bounded cache; one text per row count (64 per statement, several statements per graded batch) pushed the texts
     * out of it and had every batch parse its statements again, which this keeps to 23 texts per statement. An
     * {@link #allOrNothing()} statement is not split below {@link #MAX_ROWS}: one statement is refused whole, with no
     * savepoint needed.
     */
    static int rowsInNextStatement(int remaining) {
        if (remaining >= MAX_ROWS) {
            return MAX_ROWS;
        }
        return remaining <= STEP ? remaining : remaining - remaining % STEP;
    }

    /** The statement text for this many rows (1..{@link #MAX_ROWS}). */
    String sql(int rows) {
        String sql = sqlByRows.get(rows);
        if (sql == null) {
            StringBuilder text = new StringBuilder(head.length() + tail.length() + rows * (nextRow.length() + 12));
            text.append(head).append(firstRow);
            for (int i = 1; i < rows; i++) {
                text.append(separator).append(nextRow);
            }
            sql = text.append(tail).toString();
            sqlByRows.set(rows, sql);
        }
        return sql;
    }

    /** The one statement's parameters seen from the row being bound: index 1 is that row's first column. */
    public static final class RowParameters {
        private final PreparedStatement ps;
        private int offset;

        RowParameters(PreparedStatement ps) {
            this.ps = ps;
        }

        public void setString(int index, String value) throws SQLException {
            ps.setString(offset + index, value);
        }

        public void setLong(int index, long value) throws SQLException {
            ps.setLong(offset + index, value);
        }

        public void setInt(int index, int value) throws SQLException {
            ps.setInt(offset + index, value);
        }

        public void setBoolean(int index, boolean value) throws SQLException {
            ps.setBoolean(offset + index, value);
        }

        public void setBigDecimal(int index, BigDecimal value) throws SQLException {
            ps.setBigDecimal(offset + index, value);
        }

        public void setObject(int index, Object value) throws SQLException {
            ps.setObject(offset + index, value);
        }

        public void setObject(int index, Object value, int sqlType) throws SQLException {
            ps.setObject(offset + index, value, sqlType);
        }

        public void setNull(int index, int sqlType) throws SQLException {
            ps.setNull(offset + index, sqlType);
        }
    }
}
