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
 *       [--method POST --body '{}'] [--timeout 10s] [--drain 10s]
 *
 * ${NAME} in --url, --header, --body and --tokens-file is replaced by the environment variable NAME, so a bench
 * scenario can name the same variables its wrk Lua script reads (the setups export them). --tokens-file holds one
 * bearer token per line (as the event setups write for wrk); request i carries token i mod n.
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
 */

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
    private final HttpClient client;
    private final HttpRequest[] requests;
    private final long warmCount;
    private final long[] latencies; // nanoseconds from intended start to response, per measured request
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder ioErrors = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong lastCompletion = new AtomicLong(Long.MIN_VALUE);
    private final Semaphore connections;
    private long start;

    OpenLoad(Options o) throws IOException {
        this.o = o;
        // HTTP/1.1 like wrk and like a mini-program behind nginx; the client opens a connection per concurrent
        // request and keeps it alive, so bounding requests in flight bounds the connections too.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(o.timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requests = buildRequests(o);
        this.warmCount = Math.round(o.rate * o.warmup.toNanos() / 1e9);
        long measured = Math.round(o.rate * o.duration.toNanos() / 1e9);
        if (measured <= 0 || measured > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rate x duration must give between 1 and 2^31 requests");
        }
        // Preallocated so that recording a latency is one array store, whatever the rate: even 50,000 req/s for
        // a minute is 24 MB.
        this.latencies = new long[(int) measured];
        Arrays.fill(latencies, PENDING);
        this.connections = new Semaphore(o.connections);
    }

    private static HttpRequest[] buildRequests(Options o) throws IOException {
        // Requests are immutable and reusable: build one per token up front so the send loop allocates little.
        List<String> tokens = new ArrayList<>();
        if (o.tokensFile != null) {
            for (String line : Files.readAllLines(Path.of(o.tokensFile))) {
                if (!line.isBlank()) tokens.add(line.strip());
            }
            if (tokens.isEmpty()) throw new IllegalArgumentException("no tokens in " + o.tokensFile);
        } else {
            tokens.add(null);
        }
        HttpRequest[] result = new HttpRequest[tokens.size()];
        for (int i = 0; i < result.length; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(o.url)).timeout(o.timeout);
            HttpRequest.BodyPublisher body = o.body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(o.body);
            b.method(o.method, body);
            for (String[] h : o.headers) b.header(h[0], h[1]);
            if (tokens.get(i) != null) b.header("Authorization", "Bearer " + tokens.get(i));
            result[i] = b.build();
        }
        return result;
    }

    /** Intended send time of request i. Computed from the start, not by adding intervals, so it cannot drift. */
    private long intended(long i) {
        return start + (long) (i * 1e9 / o.rate);
    }

    void run() throws InterruptedException {
        long total = warmCount + latencies.length;
        System.err.printf(Locale.ROOT, "openload: %s %s at %.0f req/s, %s warm-up + %s measured, <= %d connections%s%n",
                o.method, o.url, o.rate, fmt(o.warmup), fmt(o.duration), o.connections,
                requests.length > 1 ? ", " + requests.length + " tokens" : "");
        // Start slightly in the future so the first intended times are not already late.
        start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long scheduleEnd = intended(total);
        long deadline = scheduleEnd + o.drain.toNanos();
        long lateSends = 0;
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long t = intended(i);
            long now;
            while ((now = System.nanoTime()) < t) LockSupport.parkNanos(t - now);
            // All connections busy: this request waits, as a user's request would wait in a queue, and its
            // latency still runs from t. The following requests then go out in a burst to catch up.
            if (!connections.tryAcquire(Math.max(0, deadline - now), TimeUnit.NANOSECONDS)) break;
            long sendAt = System.nanoTime();
            if (sendAt > deadline) {
                connections.release();
                break;
            }
            if (i >= warmCount && sendAt - t > 1_000_000) lateSends++;
            send(i, t);
            sent++;
        }
        // Wait for the answers still in flight (every request carries its own timeout as well).
        long left = deadline - System.nanoTime();
        boolean drained = connections.tryAcquire(o.connections, Math.max(left, 0), TimeUnit.NANOSECONDS);
        long cutoff = System.nanoTime();
        report(lateSends, sent, total, cutoff, drained);
    }

    private void send(long i, long t) {
        HttpRequest request = requests[(int) (i % requests.length)];
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long end = System.nanoTime();
            if (error != null) {
                ioErrors.increment();
            } else {
                int s = response.statusCode();
                // 304 is a success for the feed: the mini-program revalidates with ETag.
                if ((s < 200 || s > 299) && s != 304) non2xx.increment();
            }
            if (i >= warmCount) {
                latencies[(int) (i - warmCount)] = end - t;
                completed.increment();
                lastCompletion.accumulateAndGet(end, Math::max);
            }
            connections.release();
        });
    }

    private void report(long lateSends, long sent, long total, long cutoff, boolean drained) {
        // Copy first: a straggler completing after the drain deadline must not change the array while it is
        // sorted. The error counters are read after the copy for the same reason (they may then include a
        // straggler's error, which is the conservative direction).
        long[] lat = latencies.clone();
        long unfinished = 0;
        for (int k = 0; k < lat.length; k++) {
            if (lat[k] == PENDING) {
                // Never answered (or never sent): at least this late. Counting it as an error and with this
                // lower-bound latency keeps an overloaded server from looking good by dropping requests.
                lat[k] = Math.max(0, cutoff - intended(warmCount + k));
                unfinished++;
            }
        }
        Arrays.sort(lat);
        long done = completed.sum();
        long measureStart = intended(warmCount);
        long last = lastCompletion.get();
        double seconds = last > measureStart ? (last - measureStart) / 1e9 : 0;
        double rate = seconds > 0 ? done / seconds : 0;
        long errors = non2xx.sum() + ioErrors.sum() + unfinished;
        String line = String.format(Locale.ROOT,
                "OPENLOAD target_rate=%.1f rate=%.1f count=%d errors=%d non2xx=%d io_errors=%d unfinished=%d"
                        + " late_sends=%d connections=%d duration_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f"
                        + " p999_ms=%.2f max_ms=%.2f",
                o.rate, rate, done, errors, non2xx.sum(), ioErrors.sum(), unfinished, lateSends, o.connections,
                o.duration.toMillis() / 1000.0, pct(lat, 0.50), pct(lat, 0.90), pct(lat, 0.99), pct(lat, 0.999),
                lat[lat.length - 1] / 1e6);
        System.err.printf(Locale.ROOT, "openload: sent %d of %d scheduled%s%n", sent, total,
                drained ? "" : "; some requests were still unanswered at the drain deadline");
        System.out.println(line);
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
        String url;
        double rate;
        Duration duration = Duration.ofSeconds(20);
        Duration warmup = Duration.ofSeconds(5);
        int connections = 64;
        final List<String[]> headers = new ArrayList<>();
        String tokensFile;
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
                    case "--url" -> o.url = expand(v);
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
