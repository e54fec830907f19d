package cn.yunxi.kepu.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A database's schema and reference data as sorted text lines, so two databases built by different migration
 * histories can be compared line by line: tables, columns (type, nullability, default, charset, collation,
 * generated expression), indexes, constraints with their CHECK clauses and foreign-key rules, and a digest of
 * each table's rows. Comments are left out (they document, they do not constrain), as are Flyway's history
 * tables, auto-increment counters and the {@code created_at}/{@code updated_at} stamps migrations fill with NOW().
 * Rows of sample data (sample_data = TRUE, and the tags of sample items) are left out of the digests: they are
 * demo data, not reference data.
 */
public final class SchemaDump {

    private static final Set<String> STAMPS = Set.of("created_at", "updated_at");

    /** Rows that belong to a sample row of another table, in tables without a sample_data column of their own. */
    private static final Map<String, String> SAMPLE_CHILDREN = Map.of(
            "content_item_topic", "content_id IN (SELECT id FROM content_item WHERE sample_data)",
            "content_item_audience", "content_id IN (SELECT id FROM content_item WHERE sample_data)",
            "content_item_section", "content_id IN (SELECT id FROM content_item WHERE sample_data)");

    private SchemaDump() {
    }

    public static List<String> of(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            String schema = c.getCatalog();
            Set<String> lines = new TreeSet<>();
            List<String> tables = new ArrayList<>();
            query(c, """
                    SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES
                    WHERE TABLE_SCHEMA = '%s' AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'flyway%%'
                    """.formatted(schema), row -> {
                tables.add(row.get(0));
                lines.add("table " + String.join(" | ", row));
            });
            query(c, """
                    SELECT TABLE_NAME, LPAD(ORDINAL_POSITION, 3, '0'), COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,
                           COALESCE(COLUMN_DEFAULT, '(none)'), COALESCE(CHARACTER_SET_NAME, '-'),
                           COALESCE(COLLATION_NAME, '-'), EXTRA, COALESCE(GENERATION_EXPRESSION, '')
                    FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '%s' AND TABLE_NAME NOT LIKE 'flyway%%'
                    """.formatted(schema), row -> lines.add("column " + String.join(" | ", row)));
            query(c, """
                    SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME,
                           COALESCE(SUB_PART, '-'), COALESCE(COLLATION, '-'), INDEX_TYPE
                    FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '%s' AND TABLE_NAME NOT LIKE 'flyway%%'
                    """.formatted(schema), row -> lines.add("index " + String.join(" | ", row)));
            query(c, """
                    SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS
                    WHERE CONSTRAINT_SCHEMA = '%s' AND TABLE_NAME NOT LIKE 'flyway%%'
                    """.formatted(schema), row -> lines.add("constraint " + String.join(" | ", row)));
            query(c, """
                    SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
                    WHERE CONSTRAINT_SCHEMA = '%s'
                    """.formatted(schema), row -> lines.add("check " + String.join(" | ", row)));
            query(c, """
                    SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,
                           k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
                    FROM information_schema.KEY_COLUMN_USAGE k
                    JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                      ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
                     AND r.TABLE_NAME = k.TABLE_NAME
                    WHERE k.TABLE_SCHEMA = '%s' AND k.REFERENCED_TABLE_NAME IS NOT NULL
                    """.formatted(schema), row -> lines.add("foreign key " + String.join(" | ", row)));
            for (String table : tables) {
                lines.add(rowDigest(c, table));
            }
            return List.copyOf(lines);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema of " + jdbcUrl, e);
        }
    }

    /** The table's reference rows (stamps left out), sorted, counted and hashed. */
    private static String rowDigest(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        query(c, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION", row -> columns.add(row.get(0)));
        String where = columns.contains("sample_data") ? " WHERE NOT sample_data"
                : SAMPLE_CHILDREN.containsKey(table) ? " WHERE NOT (" + SAMPLE_CHILDREN.get(table) + ")" : "";
        String select = String.join(", ", columns.stream().filter(col -> !STAMPS.contains(col))
                .map(col -> "`" + col + "`").toList());
        List<String> rows = new ArrayList<>();
        query(c, "SELECT " + select + " FROM `" + table + "`" + where, row -> rows.add(String.join("\u001f", row)));
        rows.sort(null);
        MessageDigest sha = sha256();
        rows.forEach(r -> sha.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
        return "rows " + table + " | " + rows.size() + " | " + HexFormat.of().formatHex(sha.digest());
    }

    private interface RowHandler {
        void accept(List<String> row) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rs.getString(i);
                    row.add(value == null ? "NULL" : value);
                }
                handler.accept(row);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
