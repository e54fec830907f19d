package cn.yunxi.kepu.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Redis Cluster of three masters (no replicas) on loopback, made of the system's {@code redis-server} processes in
 * cluster mode and joined with {@code redis-cli --cluster create}: ports chosen at run time (each with its cluster
 * bus port, +10000, free too), data in a temporary directory, everything removed on {@link #close()}.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final int MASTERS = 3;

    private final Path home;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();

    private LocalRedisCluster(Path home) {
        this.home = home;
    }

    public static LocalRedisCluster start() throws IOException, InterruptedException {
        String server = executable("redis-server");
        String cli = executable("redis-cli");
        LocalRedisCluster cluster = new LocalRedisCluster(Files.createTempDirectory("kepu-redis-cluster"));
        try {
            for (int i = 0; i < MASTERS; i++) {
                int port = freePortWithBus(cluster.ports);
                cluster.ports.add(port);
                Path dir = Files.createDirectories(cluster.home.resolve(Integer.toString(port)));
                cluster.servers.add(new ProcessBuilder(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--dir", dir.toString(),
                        "--save", "", "--appendonly", "no", "--daemonize", "no")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start());
            }
            for (int port : cluster.ports) {
                awaitAnswer(cli, port, "PING", "PONG");
            }
            List<String> create = new ArrayList<>(List.of(cli, "--cluster", "create"));
            cluster.ports.forEach(p -> create.add("127.0.0.1:" + p));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String created = run(create);
            if (!created.contains("All 16384 slots covered")) {
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + created);
            }
            for (int port : cluster.ports) {
                awaitAnswer(cli, port, "CLUSTER INFO", "cluster_state:ok");
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,...}, the form of {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public List<Integer> ports() {
        return List.copyOf(ports);
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

    static String executable(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(name + " not found: install Debian's redis-server package (redis-tools has "
                + "redis-cli) to run the Redis Cluster test");
    }

    /** A port in 7000-9999 free on loopback, its bus port (+10000) too, and not one already taken here. */
    static int freePortWithBus(List<Integer> taken) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(7000, 10000);
            if (!taken.contains(port) && isFree(port) && isFree(port + 10000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for a Redis Cluster node in 7000-9999");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitAnswer(String cli, int port, String command, String expected)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> call = new ArrayList<>(List.of(cli, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        call.addAll(List.of(command.split(" ")));
        String last = "";
        while (System.nanoTime() < deadline) {
            last = run(call);
            if (last.contains(expected)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Redis on " + port + " did not answer " + command + " with " + expected
                + ": " + last);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return out;
    }
}
