package cn.yunxi.kepu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Redis master, one replica and one Sentinel monitoring them (quorum 1) as {@link #MASTER_NAME}, all the system's
 * {@code redis-server} on loopback ports chosen at run time, data in a temporary directory removed on
 * {@link #close()}. {@link #failover()} promotes the replica as an operator's {@code SENTINEL FAILOVER} would.
 */
public final class LocalRedisSentinel implements AutoCloseable {

    public static final String MASTER_NAME = "kepu";

    private final Path home;
    private final String cli;
    private final List<Process> servers = new ArrayList<>();
    private int masterPort;
    private int replicaPort;
    private int sentinelPort;

    private LocalRedisSentinel(Path home, String cli) {
        this.home = home;
        this.cli = cli;
    }

    public static LocalRedisSentinel start() throws IOException, InterruptedException {
        String server = LocalRedisCluster.executable("redis-server");
        LocalRedisSentinel s = new LocalRedisSentinel(Files.createTempDirectory("kepu-redis-sentinel"),
                LocalRedisCluster.executable("redis-cli"));
        try {
            List<Integer> taken = new ArrayList<>();
            s.masterPort = LocalRedisCluster.freePortWithBus(taken);
            taken.add(s.masterPort);
            s.replicaPort = LocalRedisCluster.freePortWithBus(taken);
            taken.add(s.replicaPort);
            s.sentinelPort = LocalRedisCluster.freePortWithBus(taken);
            s.startServer(server, s.masterPort);
            s.startServer(server, s.replicaPort, "--replicaof", "127.0.0.1", Integer.toString(s.masterPort));
            Path conf = s.home.resolve("sentinel.conf");
            Files.writeString(conf, "port " + s.sentinelPort + "\nbind 127.0.0.1\ndir " + s.home + "\n"
                    + "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + s.masterPort + " 1\n"
                    + "sentinel down-after-milliseconds " + MASTER_NAME + " 5000\n"
                    + "sentinel failover-timeout " + MASTER_NAME + " 10000\n");
            s.servers.add(new ProcessBuilder(server, conf.toString(), "--sentinel").redirectErrorStream(true)
                    .redirectOutput(s.home.resolve("sentinel.log").toFile()).start());
            LocalRedisCluster.awaitAnswer(s.cli, s.replicaPort, "INFO replication", "master_link_status:up");
            LocalRedisCluster.awaitAnswer(s.cli, s.sentinelPort, "SENTINEL replicas " + MASTER_NAME,
                    Integer.toString(s.replicaPort));
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void startServer(String server, int port, String... more) throws IOException {
        Path dir = Files.createDirectories(home.resolve(Integer.toString(port)));
        List<String> command = new ArrayList<>(List.of(server, "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
        command.addAll(List.of(more));
        servers.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile()).start());
    }

    /** {@code 127.0.0.1:port} of the Sentinel, the form of {@code spring.data.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return "127.0.0.1:" + sentinelPort;
    }

    public int masterPort() {
        return masterPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** Promotes the replica; returns once the Sentinel names it as the master. */
    public void failover() throws IOException, InterruptedException {
        String answer = LocalRedisCluster.run(List.of(cli, "-p", Integer.toString(sentinelPort), "SENTINEL",
                "FAILOVER", MASTER_NAME));
        if (!answer.contains("OK")) {
            throw new IllegalStateException("SENTINEL FAILOVER refused: " + answer);
        }
        LocalRedisCluster.awaitAnswer(cli, sentinelPort, "SENTINEL get-master-addr-by-name " + MASTER_NAME,
                Integer.toString(replicaPort));
        LocalRedisCluster.awaitAnswer(cli, replicaPort, "INFO replication", "role:master");
    }

    @Override
    public void close() {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            try {
                if (!server.waitFor(5, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
