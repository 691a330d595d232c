package hk.ccms.access.datacentre.testing;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests (it replaces the default system clock bean): the real time unless
 * a test stands it at a given instant, e.g. inside a session window of the 2023 test day.
 */
@Singleton
public class AdjustableClock extends Clock {

    private volatile Instant fixed;

    public void standAt(Instant instant) {
        fixed = instant;
    }

    public void resume() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service works in UTC");
    }
}
