package cn.yunxi.kepu.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** Real time plus an offset tests can move forward (or pin), shared by the whole application under test. */
public class MutableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        Instant pin = pinned.get();
        if (pin != null) {
            pinned.set(pin.plus(duration));
        } else {
            offset.updateAndGet(current -> current.plus(duration));
        }
    }

    /** Freezes time at {@code instant} until {@link #reset()}. */
    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void reset() {
        pinned.set(null);
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        if (otherZone.equals(zone)) {
            return this;
        }
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return otherZone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return source.withZone(z);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant pin = pinned.get();
        return pin != null ? pin : Instant.now().plus(offset.get());
    }
}
