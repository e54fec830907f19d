package cn.yunxi.kepu.common.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One statement carrying many rows: {@code INSERT ... VALUES (?, ...), (?, ...) [ON DUPLICATE KEY UPDATE ...]}, or a
 * derived table of {@code SELECT ... UNION ALL SELECT ...} rows for an {@code UPDATE ... JOIN}, bound row by row
 * straight onto the one prepared statement.
 *
 * <p>A JDBC batch with {@code rewriteBatchedStatements} sends the same single statement, but Connector/J gets there
 * by copying every bound value into a second statement and encoding every value twice: once only to measure the
 * batch against {@code max_allowed_packet}, once to send it. On a crowd of quiz submissions that sizing pass and the
 * copies were a sixth of all the server's work. Here each value is encoded once. Rows are sent in order (an upsert's
 * rows apply in that order) in statements of at most {@link #MAX_ROWS} rows, far below any packet limit: the statement
 * text for each row count is built once.
 */
public final class MultiRowStatement {

    /** Rows per statement: a graded batch's size, and well under the packet limit for the widest row written. */
    public static final int MAX_ROWS = 64;

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
    private final AtomicReferenceArray<String> sqlByRows = new AtomicReferenceArray<>(MAX_ROWS + 1);

    private MultiRowStatement(String head, String firstRow, String nextRow, String separator, String tail, int columns) {
        this.head = head;
        this.firstRow = firstRow;
        this.nextRow = nextRow;
        this.separator = separator;
        this.tail = tail;
        this.columns = columns;
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
        return new MultiRowStatement(head, row.toString(), row.toString(), ", ", tail, columns);
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
        return new MultiRowStatement(head, first.toString(), next.toString(), " UNION ALL ", tail, columnNames.size());
    }

    /** Sends the rows in order; returns the rows the server reports affected (summed over the statements). */
    public <T> int execute(JdbcTemplate jdbc, List<T> rows, RowBinder<? super T> binder) {
        int affected = 0;
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS));
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
