package cn.yunxi.kepu.common.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.TestEngines;

/**
 * The documented backup, run for real: a consistent logical dump of the application's database with the MariaDB
 * client tools (the ones on MySQL servers take the same options), restored into an empty database. The copy must
 * pass Flyway's validation against the migrations this server carries, hold the same migration history and the same
 * rows in every table (checksummed), the plan's figures included; the deployment id is then deleted as the restore
 * steps say, so the next start names Redis keys afresh.
 */
@KepuIntegrationTest
class BackupRestoreIT {

    /** Tables a running test context writes on its own (job locks, event delivery): compared by presence only. */
    private static final List<String> MOVING = List.of("job_lock", "event_publication");

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseValidatesAndHoldsEverything() throws Exception {
        TestEngines.Engines engines = TestEngines.get();
        JdbcTemplate source = jdbc(engines.jdbcUrl(), engines);
        assertThat(source.queryForObject("SELECT COUNT(*) FROM indicator", Long.class)).as("plan figures to keep")
                .isPositive();
        Path dump = Files.createTempFile("kepu-backup", ".sql");
        try {
            run(List.of(tool("mariadb-dump", "mysqldump"), "--single-transaction", "--quick", "--routines",
                    "--triggers", "--hex-blob", "--no-tablespaces", "--default-character-set=utf8mb4",
                    "--host=" + host(engines), "--port=" + port(engines), "--user=" + engines.user(),
                    engines.database()), engines, null, dump);
            assertThat(Files.readString(dump, StandardCharsets.UTF_8)).contains("CREATE TABLE `flyway_schema_history`")
                    .contains("-- Dump completed");

            String restoredUrl = engines.freshDatabase("restored");
            String restoredName = engines.database() + "_restored";
            run(List.of(tool("mariadb", "mysql"), "--host=" + host(engines), "--port=" + port(engines),
                    "--user=" + engines.user(), restoredName), engines, dump, null);
            JdbcTemplate restored = jdbc(restoredUrl, engines);

            Flyway.configure().dataSource(restoredUrl, engines.user(), engines.password())
                    .locations("classpath:db/migration").load().validate();
            String history = "SELECT installed_rank, version, description, checksum, success FROM flyway_schema_history "
                    + "ORDER BY installed_rank";
            assertThat(restored.queryForList(history)).isEqualTo(source.queryForList(history)).isNotEmpty();

            List<String> tables = source.queryForList("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class);
            assertThat(restored.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    + "DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class)).isEqualTo(tables);
            Map<String, Object> before = checksums(source, tables);
            Map<String, Object> after = checksums(restored, tables);
            assertThat(after).isEqualTo(before);
            String figures = "SELECT i.code, i.target, COUNT(v.snapshot_id) snapshots FROM indicator i "
                    + "LEFT JOIN indicator_snapshot_value v ON v.indicator_id = i.id GROUP BY i.id ORDER BY i.id";
            assertThat(restored.queryForList(figures)).isEqualTo(source.queryForList(figures));

            // the restore steps: a restored copy takes a new Redis namespace on its next start
            restored.update("DELETE FROM deployment_identity");
            assertThat(restored.queryForObject("SELECT COUNT(*) FROM deployment_identity", Integer.class)).isZero();
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static Map<String, Object> checksums(JdbcTemplate db, List<String> tables) {
        Map<String, Object> sums = new LinkedHashMap<>();
        for (String table : tables) {
            if (MOVING.contains(table)) {
                sums.put(table, "present");
            } else {
                sums.put(table, db.queryForMap("CHECKSUM TABLE `" + table + "`").get("Checksum"));
            }
        }
        return sums;
    }

    /** The client tool, from PATH: a missing one fails the test (it is part of the documented procedure). */
    private static String tool(String name, String alternative) {
        for (String candidate : List.of(name, alternative)) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate).toString();
                }
            }
        }
        throw new AssertionError(name + " (or " + alternative + ") is not installed: the backup procedure needs the "
                + "MariaDB/MySQL client tools (Debian: apt-get install mariadb-client)");
    }

    private static void run(List<String> command, TestEngines.Engines engines, Path stdin, Path stdout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        // the password through the environment: never on a command line other users can list
        builder.environment().put("MYSQL_PWD", engines.password());
        Path errors = Files.createTempFile("kepu-backup", ".err");
        builder.redirectError(errors.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command.get(0) + " finished").isTrue();
        String err = Files.readString(errors);
        Files.deleteIfExists(errors);
        assertThat(process.exitValue()).as(command.get(0) + " failed: " + err).isZero();
    }

    private static String host(TestEngines.Engines engines) {
        return hostAndPort(engines).group(1);
    }

    private static String port(TestEngines.Engines engines) {
        return hostAndPort(engines).group(2);
    }

    private static Matcher hostAndPort(TestEngines.Engines engines) {
        Matcher m = Pattern.compile("^jdbc:\\w+://([^:/]+):(\\d+)/").matcher(engines.serverUrl());
        assertThat(m.find()).as(engines.serverUrl()).isTrue();
        return m;
    }

    private static JdbcTemplate jdbc(String url, TestEngines.Engines engines) {
        return new JdbcTemplate(new DriverManagerDataSource(url, engines.user(), engines.password()));
    }
}
