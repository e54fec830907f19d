package cn.yunxi.kepu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database and Redis the integration tests run against: the ones named by KEPU_TEST_DB_URL (e.g.
 * {@code jdbc:mysql://127.0.0.1:3306/}), KEPU_TEST_DB_USER, KEPU_TEST_DB_PASSWORD and KEPU_TEST_REDIS_URL
 * when set (CI), embedded MariaDB and Redis otherwise. Either way each test JVM creates its own, new database,
 * so leftovers of earlier runs never matter.
 */
public final class TestEngines {

    public record Engines(String jdbcUrl, String user, String password, String redisUrl, String database,
                          String serverUrl) {
    }

    private static Engines engines;

    private TestEngines() {
    }

    public static synchronized Engines get() {
        if (engines == null) {
            engines = start();
        }
        return engines;
    }

    private static Engines start() {
        String serverUrl = System.getenv("KEPU_TEST_DB_URL");
        String user = envOr("KEPU_TEST_DB_USER", "root");
        String password = envOr("KEPU_TEST_DB_PASSWORD", "");
        if (serverUrl == null || serverUrl.isBlank()) {
            int port = EmbeddedEngines.freePort();
            try {
                Path home = Files.createTempDirectory("kepu-test-mariadb");
                EmbeddedEngines.startMariaDb(home, port);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            serverUrl = "jdbc:mysql://127.0.0.1:" + port + "/";
            user = "root";
            password = "";
        }
        String database = "kepu_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        String hostAndPort = serverUrl.replaceFirst("^jdbc:(mysql|mariadb)://", "").replaceAll("/.*$", "");
        createDatabase(EmbeddedEngines.jdbcUrl(hostAndPort, ""), user, password, database);

        String redisUrl = System.getenv("KEPU_TEST_REDIS_URL");
        if (redisUrl == null || redisUrl.isBlank()) {
            int port = EmbeddedEngines.freePort();
            EmbeddedEngines.startRedis(port);
            redisUrl = "redis://127.0.0.1:" + port;
        } else if (redisUrl.matches("redis://[^/]+/?")) {
            // A shared Redis: take one of its numbered databases at random so two test runs on one machine
            // (and their FLUSHDBs) stay out of each other's way.
            redisUrl = redisUrl.replaceAll("/$", "") + "/" + ThreadLocalRandom.current().nextInt(1, 16);
        }
        return new Engines(EmbeddedEngines.jdbcUrl(hostAndPort, database), user, password, redisUrl, database,
                EmbeddedEngines.jdbcUrl(hostAndPort, ""));
    }

    private static void createDatabase(String serverUrl, String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + serverUrl, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
            } catch (SQLException ignored) {
                // Best effort: the next run uses a new database anyway.
            }
        }));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
