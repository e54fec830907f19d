package cn.yunxi.kepu.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits for the listeners of cross-feature events: Spring Modulith keeps a publication in EVENT_PUBLICATION until
 * every listener has handled it (completed ones are deleted), so "none outstanding" means all listeners are done.
 */
public final class EventPublications {

    private EventPublications() {
    }

    /** Waits until no publication of these event types is outstanding; fails if one failed or it takes too long. */
    public static void awaitCompleted(JdbcTemplate jdbc, Class<?>... eventTypes) {
        String in = String.join(", ", Collections.nCopies(eventTypes.length, "?"));
        Object[] names = Arrays.stream(eventTypes).map(Class::getName).toArray();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL "
                    + "AND STATUS = 'FAILED' AND EVENT_TYPE IN (" + in + ")", Integer.class, names);
            if (failed != null && failed > 0) {
                throw new AssertionError(failed + " listener(s) of " + Arrays.toString(eventTypes) + " failed");
            }
            Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL "
                    + "AND EVENT_TYPE IN (" + in + ")", Integer.class, names);
            if (open != null && open == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(open + " publication(s) of " + Arrays.toString(eventTypes)
                        + " still outstanding");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
