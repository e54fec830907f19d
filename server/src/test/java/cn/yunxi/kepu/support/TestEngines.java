package cn.yunxi.kepu.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

        /**
         * Another new, empty database on the same server, dropped when the JVM ends: for tests that build a schema
         * themselves (the migrations) beside the one the application uses.
         */
        public String freshDatabase(String label) {
            String name = database + "_" + label;
            createDatabase(serverUrl, user, password, name);
            return serverUrl.replaceFirst("/\\?", "/" + name + "?");
        }
    }

    private static final String CLAIM_KEY = "kepu:test-run:claim";
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

        return new Engines(EmbeddedEngines.jdbcUrl(hostAndPort, database), user, password, newRedis(), database,
                EmbeddedEngines.jdbcUrl(hostAndPort, ""));
    }

    /**
     * Engines of their own beside the shared ones: a new database on the same server and a Redis database nothing
     * else uses, for a test that runs the application with other settings than the shared context.
     */
    public static synchronized Engines separate(String label) {
        Engines shared = get();
        return new Engines(shared.freshDatabase(label), shared.user(), shared.password(), newRedis(),
                shared.database() + "_" + label, shared.serverUrl());
    }

    private static String newRedis() {
        String redisUrl = System.getenv("KEPU_TEST_REDIS_URL");
        if (redisUrl == null || redisUrl.isBlank()) {
            int port = EmbeddedEngines.freePort();
            EmbeddedEngines.startRedis(port);
            return "redis://127.0.0.1:" + port;
        }
        if (redisUrl.matches("redis://[^/]+/?")) {
            return claimRedisDatabase(redisUrl.replaceAll("/$", ""));
        }
        if (engines != null) {
            throw new IllegalStateException("KEPU_TEST_REDIS_URL names one Redis database (" + redisUrl
                    + "); a test that needs a second one needs a server URL without a database number");
        }
        return redisUrl;
    }

    /**
     * A shared Redis: this run claims one of its numbered databases (1-15) that no other running test JVM holds,
     * and empties it. The database is new for every run, so Redis must be too: cached pages, leaderboards or
     * counters of an earlier run would otherwise meet reused ids.
     */
    private static String claimRedisDatabase(String serverUrl) {
        String owner = ProcessHandle.current().pid() + "@" + System.nanoTime();
        List<Integer> candidates = new java.util.ArrayList<>(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        java.util.Collections.shuffle(candidates);
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(serverUrl);
        try (var connection = client.connect()) {
            var redis = connection.sync();
            for (int index : candidates) {
                redis.select(index);
                // Held for the life of this JVM (renewed below); a crashed run's claim lapses after its TTL.
                if ("OK".equals(redis.set(CLAIM_KEY, owner, io.lettuce.core.SetArgs.Builder.nx().ex(120)))) {
                    redis.flushdb();
                    redis.set(CLAIM_KEY, owner, io.lettuce.core.SetArgs.Builder.ex(120));
                    keepClaim(serverUrl + "/" + index, owner);
                    return serverUrl + "/" + index;
                }
            }
        } finally {
            client.shutdown();
        }
        throw new IllegalStateException("every Redis database 1-15 is claimed by another test run");
    }

    private static void keepClaim(String url, String owner) {
        Thread renewer = new Thread(() -> {
            io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(url);
            try (var connection = client.connect()) {
                while (true) {
                    Thread.sleep(10_000);
                    connection.sync().set(CLAIM_KEY, owner, io.lettuce.core.SetArgs.Builder.ex(120));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException ignored) {
                // Redis gone (a test stopping it on purpose, or the end of the run): the claim simply lapses.
            } finally {
                client.shutdown();
            }
        }, "redis-test-db-claim");
        renewer.setDaemon(true);
        renewer.start();
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
