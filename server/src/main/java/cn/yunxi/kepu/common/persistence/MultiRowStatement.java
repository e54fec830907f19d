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
 * One statement carrying many rows: {@code INSERT ... VALUES (?, ...), (?, ...) [ON DUPLICATE KEY UPDATE ...]}, or an
 * {@code UPDATE} that gives each row's key its own values ({@link #updateByKey}), bound row by row straight onto the
 * one prepared statement.
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

    /**
     * Above this many rows, statements carry a multiple of it (see {@link #rowsInNextStatement}); a writer that can
     * choose how many rows it writes at once sends a multiple of it, and each statement goes whole.
     */
    public static final int STEP = 8;

    /** Binds one row's values; {@code p}'s indexes are 1-based within the row, as on a one-row statement. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(RowParameters p, T row) throws SQLException;
    }

    private final Layout layout;
    private final boolean allOrNothing;
    private final AtomicReferenceArray<String> sqlByRows = new AtomicReferenceArray<>(MAX_ROWS + 1);

    private MultiRowStatement(Layout layout, boolean allOrNothing) {
        this.layout = layout;
        this.allOrNothing = allOrNothing;
    }

    /**
     * The same statement, whose rows are written all or none: up to {@link #MAX_ROWS} rows go as one statement (one
     * text per row count), more as several behind a savepoint of the caller's transaction, rolled back when one is
     * refused. For an insert whose caller recovers from a refusal (a unique key) in the same transaction, as if nothing
     * of it had been written. Outside a transaction every statement commits on its own.
     */
    public MultiRowStatement allOrNothing() {
        return new MultiRowStatement(layout, true);
    }

    /**
     * {@code head + (?, ...), (?, ...) + tail}: {@code head} ends with {@code VALUES }, {@code tail} is empty or an
     * {@code ON DUPLICATE KEY UPDATE} clause.
     */
    public static MultiRowStatement values(String head, int columns, String tail) {
        return new MultiRowStatement(new ValuesLayout(head, columns, tail), false);
    }

    /**
     * {@code UPDATE table SET c = CASE key WHEN ? THEN ? ... END, ... WHERE key IN (?, ...) AND condition}: each row
     * gives its key (index 1) and the new values of {@code columns} (indexes 2, 3, ...). One statement for many rows
     * without a derived table: an {@code UPDATE ... JOIN} onto rows of {@code SELECT ? UNION ALL SELECT ?} has the
     * server build a temporary table, on disk in MariaDB as soon as a column is TEXT, for every statement. A key
     * given twice takes the values of its first row. {@code condition} may be empty.
     */
    public static MultiRowStatement updateByKey(String table, String key, List<String> columns, String condition) {
        return new MultiRowStatement(new UpdateByKeyLayout(table, key, columns, condition), false);
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
            affected += jdbc.update(sql(chunk.size()), ps -> bindAll(ps, chunk, binder));
        }
        return affected;
    }

    /** Binds the rows of one statement, as many as {@link #sql} was given. */
    <T> void bindAll(PreparedStatement ps, List<T> rows, RowBinder<? super T> binder) throws SQLException {
        RowParameters parameters = new RowParameters(ps, layout, rows.size());
        for (T row : rows) {
            binder.bind(parameters, row);
            parameters.row++;
        }
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
            sql = layout.sql(rows);
            sqlByRows.set(rows, sql);
        }
        return sql;
    }

    /** Where a statement's text puts each row's values. */
    private interface Layout {

        String sql(int rows);

        /** How many placeholders take the value at this 1-based index of a row. */
        int occurrences(int index);

        /** The 1-based statement parameter of one occurrence of a row's value. */
        int parameter(int rows, int row, int index, int occurrence);
    }

    /** {@code head (?, ...), (?, ...) tail}: a row's values side by side, rows one after another. */
    private record ValuesLayout(String head, int columns, String tail) implements Layout {

        @Override
        public String sql(int rows) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < columns; i++) {
                row.add("?");
            }
            StringJoiner text = new StringJoiner(", ", head, tail);
            for (int i = 0; i < rows; i++) {
                text.add(row.toString());
            }
            return text.toString();
        }

        @Override
        public int occurrences(int index) {
            return 1;
        }

        @Override
        public int parameter(int rows, int row, int index, int occurrence) {
            return row * columns + index;
        }
    }

    /**
     * One {@code CASE key WHEN ? THEN ? ...} per column, rows in the same order in each, then the keys in the
     * {@code IN} list: a row's key occurs once per column and once in the list, each of its values once.
     */
    private record UpdateByKeyLayout(String table, String key, List<String> columns, String condition)
            implements Layout {

        UpdateByKeyLayout {
            columns = List.copyOf(columns);
        }

        @Override
        public String sql(int rows) {
            StringJoiner assignments = new StringJoiner(", ", "UPDATE " + table + " SET ", "");
            for (String column : columns) {
                StringBuilder cases = new StringBuilder(column).append(" = CASE ").append(key);
                for (int i = 0; i < rows; i++) {
                    cases.append(" WHEN ? THEN ?");
                }
                assignments.add(cases.append(" END"));
            }
            StringJoiner keys = new StringJoiner(", ", " WHERE " + key + " IN (", ")");
            for (int i = 0; i < rows; i++) {
                keys.add("?");
            }
            return assignments + keys.toString() + (condition.isEmpty() ? "" : " AND " + condition);
        }

        @Override
        public int occurrences(int index) {
            return index == 1 ? columns.size() + 1 : 1;
        }

        @Override
        public int parameter(int rows, int row, int index, int occurrence) {
            if (index > 1) {
                return (index - 2) * 2 * rows + 2 * row + 2;
            }
            return occurrence < columns.size() ? occurrence * 2 * rows + 2 * row + 1
                    : columns.size() * 2 * rows + row + 1;
        }
    }

    /** The one statement's parameters seen from the row being bound: index 1 is that row's first value. */
    public static final class RowParameters {

        @FunctionalInterface
        private interface Setter {
            void set(PreparedStatement ps, int parameter) throws SQLException;
        }

        private final PreparedStatement ps;
        private final Layout layout;
        private final int rows;
        private int row;

        RowParameters(PreparedStatement ps, Layout layout, int rows) {
            this.ps = ps;
            this.layout = layout;
            this.rows = rows;
        }

        private void set(int index, Setter setter) throws SQLException {
            for (int i = 0, n = layout.occurrences(index); i < n; i++) {
                setter.set(ps, layout.parameter(rows, row, index, i));
            }
        }

        public void setString(int index, String value) throws SQLException {
            set(index, (ps, at) -> ps.setString(at, value));
        }

        public void setLong(int index, long value) throws SQLException {
            set(index, (ps, at) -> ps.setLong(at, value));
        }

        public void setInt(int index, int value) throws SQLException {
            set(index, (ps, at) -> ps.setInt(at, value));
        }

        public void setBoolean(int index, boolean value) throws SQLException {
            set(index, (ps, at) -> ps.setBoolean(at, value));
        }

        public void setBigDecimal(int index, BigDecimal value) throws SQLException {
            set(index, (ps, at) -> ps.setBigDecimal(at, value));
        }

        public void setObject(int index, Object value) throws SQLException {
            set(index, (ps, at) -> ps.setObject(at, value));
        }

        public void setObject(int index, Object value, int sqlType) throws SQLException {
            set(index, (ps, at) -> ps.setObject(at, value, sqlType));
        }

        public void setNull(int index, int sqlType) throws SQLException {
            set(index, (ps, at) -> ps.setNull(at, sqlType));
        }
    }
}
