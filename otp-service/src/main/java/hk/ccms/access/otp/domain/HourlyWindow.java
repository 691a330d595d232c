package hk.ccms.access.otp.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock hour (UTC) in which codes sent to a subject are counted. A fixed window is simple and
 * cheap (one counter per subject and hour); its known weakness, up to twice the cap across an
 * hour boundary, is acceptable for a cap whose purpose is to stop mail flooding.
 */
public record HourlyWindow(long hourIndex) {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    public static HourlyWindow containing(Instant instant) {
        return new HourlyWindow(instant.toEpochMilli() / HOUR_MILLIS);
    }

    public Instant end() {
        return Instant.ofEpochMilli((hourIndex + 1) * HOUR_MILLIS);
    }
}
