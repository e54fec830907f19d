/*
 * Open-model load driver for the benchmark (see README, "性能基准", and shared/BENCHMARKING.md).
 *
 * wrk is closed-loop: each of its connections waits for a response before sending the next request, so when the
 * server stalls, wrk simply stops sending and the stall shows up as one slow request instead of the hundreds that
 * would have queued behind it ("coordinated omission"). A latency target such as "p99 under 50 ms at half the
 * maximum rate" needs the opposite: requests arrive at a fixed rate whatever the server does, and each latency is
 * measured from the moment the request was *meant* to be sent. That is what this program does.
 *
 *   java OpenLoad.java --url http://127.0.0.1:18080/api/v1/ping --rate 3000 --duration 20s --warmup 5s
 *       [--connections 64] [--header 'Authorization: Bearer ${RESIDENT_TOKEN}']... [--tokens-file FILE]
 *       [--method POST --body '{}'] [--timeout 10s] [--drain 10s] [--requests-file FILE]
 *
 * --url may be given several times (same path, other host or port: several server instances); new connections
 * take them in turn. A flash crowd is a very high --rate for a very short --duration with as many --connections
 * as requests, e.g. --rate 2000000 --duration 1ms --connections 2000: all 2,000 requests due within 1 ms, each on
 * its own new connection, and max_ms is the time until the last one was answered.
 *
 * ${NAME} in --url, --header, --body and --tokens-file is replaced by the environment variable NAME, so a bench
 * scenario can name the same variables its wrk Lua script reads (the setups export them). --tokens-file holds one
 * bearer token per line (as the event setups write for wrk); request i carries token i mod n. --requests-file
 * (deploy/bench/soak.sh) replaces method, path, token and body: one request per line, "METHOD<TAB>PATH<TAB>TOKEN<TAB>
 * BODY", request i is line i mod n, so a file can interleave a whole mix of endpoints at one arrival rate.
 *
 * Output: human-readable lines on stderr, and one machine-readable line on stdout:
 *   OPENLOAD target_rate=.. rate=.. count=.. errors=.. non2xx=.. io_errors=.. unfinished=.. late_sends=..
 *            p50_ms=.. p90_ms=.. p99_ms=.. p999_ms=.. max_ms=..
 * errors = non2xx (status outside 2xx and not 304) + io_errors (connect/read/timeout) + unfinished (requests the
 * schedule wanted but that were not answered before the drain deadline; their latency is counted up to that
 * deadline, a lower bound). late_sends counts requests sent more than 1 ms after their intended time, either
 * because all connections were busy (the server is behind) or because this driver could not keep up: if
 * late_sends is high while the server is idle, the driver is the bottleneck.
 *
 * Only the JDK is used, so the bench needs nothing beyond `java`: the single-file source launcher compiles it.
 *
 * Why raw NIO and not java.net.http.HttpClient: the first version used HttpClient (async, HTTP/1.1, a semaphore
 * bounding requests in flight). Pinned to one core against a trivial fixed-response server it used the whole core
 * at 3,000 req/s (p90 1.5 s of its own queueing) and fell behind at 6,000 (3,400 achieved). This version, one
 * selector thread with keep-alive connections and a minimal HTTP/1.1 response parser, kept 10,000 req/s on the
 * target with p50 0.14 ms using about 60% of the core, on the same noisy 2-core machine. Only what the bench needs
 * is supported: http:// (no TLS), one request per connection at a time (no pipelining), Content-Length, chunked
 * and close-delimited bodies, "Connection: close" (Tomcat closes a keep-alive connection after 100 requests).
 */

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OpenLoad {

    /** Marks a latency slot that no response has filled yet. */
    private static final long PENDING = -1;

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("openload: " + e.getMessage());
            System.err.println("usage: java OpenLoad.java --url URL --rate REQ_PER_S --duration 20s [--warmup 5s]"
                    + " [--connections 64] [--header 'Name: value']... [--tokens-file FILE] [--method GET]"
                    + " [--body TEXT] [--timeout 10s] [--drain 10s]");
            System.exit(2);
            return;
        }
        new OpenLoad(o).run();
    }

    private final Options o;
    private final InetSocketAddress[] addresses; // one per --url; new connection i goes to address i mod n
    private final byte[][] requests; // the whole HTTP/1.1 request, one per token
    private final long warmCount;
    private final long total;
    private final long[] latencies; // nanoseconds from intended start to response, per measured request
    private final Selector selector;
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();
    private final List<Conn> open = new ArrayList<>();
    // A single I/O thread owns everything below, so plain fields; run() reads them after that thread is done.
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private long start;
    private long nextDue;  // requests [0, nextDue) have reached their intended time
    private long nextSend; // requests [0, nextSend) have been sent (or failed to connect)
    private long busy;     // requests sent and not yet answered
    private long non2xx;
    private long ioErrors;
    private long completed;
    private long lateSends;
    private long lastCompletion = Long.MIN_VALUE;
    private long connectionsMade;

    OpenLoad(Options o) throws IOException {
        this.o = o;
        URI uri = URI.create(o.url);
        this.addresses = new InetSocketAddress[o.urls.size()];
        for (int i = 0; i < addresses.length; i++) {
            URI u = URI.create(o.urls.get(i));
            if (!"http".equals(u.getScheme())) throw new IllegalArgumentException("only http:// URLs: " + u);
            if (!java.util.Objects.equals(u.getRawPath(), uri.getRawPath())
                    || !java.util.Objects.equals(u.getRawQuery(), uri.getRawQuery())) {
                throw new IllegalArgumentException("several --url must differ only in host and port: " + u);
            }
            addresses[i] = new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 80 : u.getPort());
        }
        this.requests = buildRequests(o, uri);
        this.warmCount = Math.round(o.rate * o.warmup.toNanos() / 1e9);
        long measured = Math.round(o.rate * o.duration.toNanos() / 1e9);
        if (measured <= 0 || measured > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rate x duration must give between 1 and 2^31 requests");
        }
        this.total = warmCount + measured;
        // Preallocated so that recording a latency is one array store, whatever the rate: even 50,000 req/s for
        // a minute is 24 MB.
        this.latencies = new long[(int) measured];
        Arrays.fill(latencies, PENDING);
        this.selector = Selector.open();
    }

    private static byte[][] buildRequests(Options o, URI uri) throws IOException {
        if (o.requestsFile != null) return buildMixedRequests(o, uri);
        // Serialised once up front, one per token, so that sending a request is a single write of ready bytes.
        List<String> tokens = new ArrayList<>();
        if (o.tokensFile != null) {
            for (String line : Files.readAllLines(Path.of(o.tokensFile))) {
                if (!line.isBlank()) tokens.add(line.strip());
            }
            if (tokens.isEmpty()) throw new IllegalArgumentException("no tokens in " + o.tokensFile);
        } else {
            tokens.add(null);
        }
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = o.body == null ? new byte[0] : o.body.getBytes(StandardCharsets.UTF_8);
        byte[][] result = new byte[tokens.size()][];
        for (int i = 0; i < result.length; i++) {
            StringBuilder head = new StringBuilder()
                    .append(o.method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getRawAuthority()).append("\r\n")
                    .append("User-Agent: kepu-openload\r\n");
            for (String[] h : o.headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            if (tokens.get(i) != null) head.append("Authorization: Bearer ").append(tokens.get(i)).append("\r\n");
            if (o.body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            result[i] = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, result[i], h.length, body.length);
        }
        return result;
    }

    /**
     * A mix (the soak): one request per line of --requests-file, "METHOD<TAB>PATH<TAB>TOKEN<TAB>BODY" (token and
     * body may be empty), request i is line i mod n. The --url gives only host and port. --header still applies.
     */
    private static byte[][] buildMixedRequests(Options o, URI uri) throws IOException {
        List<byte[]> result = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(o.requestsFile))) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", 4);
            if (f.length < 2) throw new IllegalArgumentException("requests file line needs METHOD<TAB>PATH: " + line);
            String token = f.length > 2 && !f[2].isEmpty() ? f[2] : null;
            byte[] body = f.length > 3 && !f[3].isEmpty() ? f[3].getBytes(StandardCharsets.UTF_8) : null;
            StringBuilder head = new StringBuilder()
                    .append(f[0]).append(' ').append(f[1]).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getRawAuthority()).append("\r\n")
                    .append("User-Agent: kepu-openload\r\n");
            for (String[] h : o.headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            } else if (!f[0].equals("GET")) {
                head.append("Content-Length: 0\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
            byte[] request = body == null ? h : Arrays.copyOf(h, h.length + body.length);
            if (body != null) System.arraycopy(body, 0, request, h.length, body.length);
            result.add(request);
        }
        if (result.isEmpty()) throw new IllegalArgumentException("no requests in " + o.requestsFile);
        return result.toArray(new byte[0][]);
    }

    /** Intended send time of request i. Computed from the start, not by adding intervals, so it cannot drift. */
    private long intended(long i) {
        return start + (long) (i * 1e9 / o.rate);
    }

    void run() throws IOException {
        System.err.printf(Locale.ROOT, "openload: %s %s at %.0f req/s, %s warm-up + %s measured, <= %d connections%s%n",
                o.method, o.url, o.rate, fmt(o.warmup), fmt(o.duration), o.connections,
                requests.length > 1 ? ", " + requests.length + " tokens" : "");
        // Start slightly in the future so the first intended times are not already late.
        start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long deadline = intended(total) + o.drain.toNanos();
        // The clock thread only wakes the I/O thread at each intended time (parkNanos is far finer than
        // Selector.select's milliseconds); the I/O thread works out itself which requests are due.
        Thread clock = new Thread(() -> {
            for (long i = 0; i < total; i++) {
                long t = intended(i);
                long now;
                while ((now = System.nanoTime()) < t) LockSupport.parkNanos(t - now);
                selector.wakeup();
            }
        }, "openload-clock");
        clock.setDaemon(true);
        clock.start();
        long lastScan = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            while (nextDue < total && intended(nextDue) <= now) nextDue++;
            dispatch();
            if ((nextSend == total && busy == 0) || now > deadline) break;
            if (now - lastScan > 10_000_000L) {
                expire(now);
                lastScan = now;
            }
            selector.select(10);
            for (SelectionKey key : selector.selectedKeys()) handle((Conn) key.attachment());
            selector.selectedKeys().clear();
        }
        long cutoff = System.nanoTime();
        for (Conn c : new ArrayList<>(open)) c.channel.close();
        report(cutoff);
    }

    /**
     * Sends every due request that can go: on an idle keep-alive connection, else on a new one while fewer than
     * --connections are open. Otherwise it waits here, in order, exactly as it would wait in a client's queue:
     * its latency keeps running from its intended time.
     */
    private void dispatch() {
        while (nextSend < nextDue) {
            Conn c = idle.pollFirst();
            if (c != null) {
                c.send(nextSend++);
            } else if (open.size() < o.connections) {
                connect(nextSend++);
            } else {
                return;
            }
        }
    }

    private void connect(long index) {
        Conn c = new Conn();
        c.assign(index);
        try {
            c.channel = SocketChannel.open();
            c.channel.configureBlocking(false);
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            open.add(c);
            if (c.channel.connect(addresses[(int) (connectionsMade++ % addresses.length)])) {
                c.key = c.channel.register(selector, 0, c);
                c.write();
            } else {
                c.key = c.channel.register(selector, SelectionKey.OP_CONNECT, c);
            }
        } catch (IOException e) {
            c.fail();
        }
    }

    private void handle(Conn c) {
        SelectionKey key = c.key;
        if (key == null || !key.isValid()) return;
        try {
            if (key.isConnectable()) {
                c.channel.finishConnect();
                c.write();
            } else if (key.isWritable()) {
                c.write();
            } else if (key.isReadable()) {
                c.read();
            }
        } catch (IOException e) {
            c.fail();
        }
    }

    /** Requests past --timeout fail like a wrk timeout; their connection is closed, as nothing else can use it. */
    private void expire(long now) {
        for (Conn c : new ArrayList<>(open)) {
            if (c.index >= 0 && now - c.sentAt > o.timeout.toNanos()) c.fail();
        }
    }

    private void record(long index, long end) {
        busy--;
        if (index >= warmCount) {
            latencies[(int) (index - warmCount)] = end - intended(index);
            completed++;
            lastCompletion = Math.max(lastCompletion, end);
        }
    }

    /** One keep-alive connection and the parser of the response it is waiting for. */
    private final class Conn {
        SocketChannel channel;
        SelectionKey key;
        long index = -1; // the request in flight, -1 when idle
        long sentAt;
        ByteBuffer out;
        // Response parsing: a small state machine over whatever bytes arrive, so a response split across reads,
        // or headers and body in one read, need no buffering beyond the current line.
        int state;
        int status;
        long remaining;
        long contentLength;
        boolean chunked;
        boolean close;
        final byte[] line = new byte[8192];
        int lineLength;

        static final int STATUS = 0, HEADERS = 1, BODY = 2, CHUNK_SIZE = 3, CHUNK_END = 4, TRAILERS = 5,
                UNTIL_CLOSE = 6, DONE = 7;

        void assign(long i) {
            index = i;
            busy++;
            sentAt = System.nanoTime();
            if (i >= warmCount && sentAt - intended(i) > 1_000_000L) lateSends++;
            out = ByteBuffer.wrap(requests[(int) (i % requests.length)]);
            state = STATUS;
            lineLength = 0;
            status = 0;
            contentLength = -1;
            chunked = false;
            close = false;
        }

        void send(long i) {
            assign(i);
            try {
                write();
            } catch (IOException e) {
                fail();
            }
        }

        void write() throws IOException {
            channel.write(out);
            // Requests are small and nearly always go out in one write; if not, wait until the socket drains.
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0) {
                // The server closed: the end of a body without length, or a keep-alive connection it gave up.
                if (index >= 0 && state == UNTIL_CLOSE) {
                    finish();
                } else if (index >= 0) {
                    fail();
                } else {
                    discard();
                }
                return;
            }
            readBuffer.flip();
            if (index < 0) return; // nothing asked: stray bytes on an idle connection are ignored
            if (parse(readBuffer)) finish();
        }

        /** Consumes bytes; true once the whole response has arrived. */
        boolean parse(ByteBuffer b) {
            while (b.hasRemaining()) {
                if (state == BODY) {
                    int n = (int) Math.min(remaining, b.remaining());
                    b.position(b.position() + n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (!chunked) return true;
                        state = CHUNK_END;
                    }
                } else if (state == UNTIL_CLOSE) {
                    b.position(b.limit());
                } else {
                    byte x = b.get();
                    if (x != '\n') {
                        if (lineLength < line.length) line[lineLength++] = x;
                        continue;
                    }
                    if (lineLength > 0 && line[lineLength - 1] == '\r') lineLength--;
                    onLine();
                    lineLength = 0;
                    if (state == DONE) return true;
                }
            }
            return false;
        }

        void onLine() {
            switch (state) {
                case STATUS -> {
                    // "HTTP/1.1 200 OK"
                    status = lineLength >= 12 ? (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0') : 0;
                    state = HEADERS;
                }
                case HEADERS -> {
                    if (lineLength > 0) {
                        if (startsWith("content-length:")) contentLength = Long.parseLong(value("content-length:"));
                        else if (startsWith("transfer-encoding:")) chunked = value("transfer-encoding:").toLowerCase(Locale.ROOT).contains("chunked");
                        else if (startsWith("connection:")) close = value("connection:").toLowerCase(Locale.ROOT).contains("close");
                    } else if (status >= 100 && status < 200) {
                        state = STATUS; // an interim response; the real one follows
                    } else if (status == 204 || status == 304) {
                        state = DONE;
                    } else if (chunked) {
                        state = CHUNK_SIZE;
                    } else if (contentLength >= 0) {
                        remaining = contentLength;
                        state = contentLength == 0 ? DONE : BODY;
                    } else {
                        state = UNTIL_CLOSE;
                        close = true;
                    }
                }
                case CHUNK_SIZE -> {
                    long size = 0;
                    for (int k = 0; k < lineLength && line[k] != ';'; k++) {
                        int d = Character.digit(line[k], 16);
                        if (d >= 0) size = size * 16 + d;
                    }
                    if (size == 0) {
                        state = TRAILERS;
                    } else {
                        remaining = size;
                        state = BODY;
                    }
                }
                case CHUNK_END -> state = CHUNK_SIZE;
                case TRAILERS -> {
                    if (lineLength == 0) state = DONE;
                }
                default -> { }
            }
        }

        boolean startsWith(String prefix) {
            if (lineLength < prefix.length()) return false;
            for (int k = 0; k < prefix.length(); k++) {
                if (Character.toLowerCase(line[k]) != prefix.charAt(k)) return false;
            }
            return true;
        }

        String value(String prefix) {
            return new String(line, prefix.length(), lineLength - prefix.length(), StandardCharsets.ISO_8859_1).strip();
        }

        void finish() {
            // 304 is a success for the feed: the mini-program revalidates with ETag. Warm-up answers not counted.
            if ((status < 200 || status > 299) && status != 304 && index >= warmCount) non2xx++;
            record(index, System.nanoTime());
            index = -1;
            if (close) {
                discard();
            } else {
                idle.addLast(this);
            }
        }

        /** The request in flight failed (connect, write, read, timeout): an error, counted with its latency. */
        void fail() {
            if (index >= 0) {
                if (index >= warmCount) ioErrors++;
                record(index, System.nanoTime());
                index = -1;
            }
            discard();
        }

        void discard() {
            open.remove(this);
            idle.remove(this);
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // closing a broken socket: nothing left to do
            }
        }
    }

    private void report(long cutoff) {
        long[] lat = latencies.clone();
        long unfinished = 0;
        for (int k = 0; k < lat.length; k++) {
            if (lat[k] == PENDING) {
                // Never answered (or never sent) before the drain deadline: at least this late. Counting it as an
                // error and with this lower-bound latency keeps an overloaded server from looking good by
                // leaving requests unanswered.
                lat[k] = Math.max(0, cutoff - intended(warmCount + k));
                unfinished++;
            }
        }
        Arrays.sort(lat);
        long measureStart = intended(warmCount);
        double seconds = lastCompletion > measureStart ? (lastCompletion - measureStart) / 1e9 : 0;
        double rate = seconds > 0 ? completed / seconds : 0;
        long errors = non2xx + ioErrors + unfinished;
        String result = String.format(Locale.ROOT,
                "OPENLOAD target_rate=%.1f rate=%.1f count=%d errors=%d non2xx=%d io_errors=%d unfinished=%d"
                        + " late_sends=%d connections=%d duration_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
                        + " p999_ms=%.2f max_ms=%.2f",
                o.rate, rate, completed, errors, non2xx, ioErrors, unfinished, lateSends, o.connections,
                o.duration.toMillis() / 1000.0, pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), pct(lat, 0.999),
                lat[lat.length - 1] / 1e6);
        System.err.printf(Locale.ROOT, "openload: sent %d of %d scheduled%s%n", nextSend, total,
                nextSend == total && busy == 0 ? "" : "; the rest were unsent or unanswered at the drain deadline");
        System.out.println(result);
    }

    /** Nearest-rank percentile in milliseconds of a sorted array. */
    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] / 1e6;
    }

    private static String fmt(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static final class Options {
        String url; // the first --url
        final List<String> urls = new ArrayList<>();
        double rate;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        int connections = 64;
        final List<String[]> headers = new ArrayList<>();
        String tokensFile;
        String requestsFile;
        String method = "GET";
        String body;
        Duration timeout = Duration.ofSeconds(10);
        Duration drain = Duration.ofSeconds(10);

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) throw new IllegalArgumentException("help");
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                String v = args[++i];
                switch (a) {
                    case "--url" -> {
                        o.urls.add(expand(v));
                        o.url = o.urls.get(0);
                    }
                    case "--rate" -> o.rate = Double.parseDouble(v);
                    case "--duration" -> o.duration = duration(v);
                    case "--warmup" -> o.warmup = duration(v);
                    case "--connections" -> o.connections = Integer.parseInt(v);
                    case "--header" -> {
                        int colon = v.indexOf(':');
                        if (colon <= 0) throw new IllegalArgumentException("header must be 'Name: value': " + v);
                        o.headers.add(new String[] {v.substring(0, colon).strip(), expand(v.substring(colon + 1)).strip()});
                    }
                    case "--tokens-file" -> o.tokensFile = expand(v);
                    case "--requests-file" -> o.requestsFile = expand(v);
                    case "--method" -> o.method = v.toUpperCase(Locale.ROOT);
                    case "--body" -> o.body = expand(v);
                    case "--timeout" -> o.timeout = duration(v);
                    case "--drain" -> o.drain = duration(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.url == null || o.url.isBlank()) throw new IllegalArgumentException("--url is required");
            if (!(o.rate > 0)) throw new IllegalArgumentException("--rate must be > 0");
            if (o.connections <= 0) throw new IllegalArgumentException("--connections must be > 0");
            if (o.tokensFile != null && o.tokensFile.isBlank()) o.tokensFile = null;
            return o;
        }

        private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

        /** Replaces ${NAME} by the environment variable NAME; an unset one is an error, not an empty string,
         *  because a request with "Bearer " and no token would measure the 401 path instead of the scenario. */
        static String expand(String s) {
            Matcher m = VAR.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = System.getenv(m.group(1));
                if (value == null) throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** "20s", "500ms", "2m" or a bare number of seconds, as wrk and run.sh write durations. */
        static Duration duration(String v) {
            Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?").matcher(v.strip());
            if (!m.matches()) throw new IllegalArgumentException("bad duration " + v);
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                default -> n * 1000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
    }
}
