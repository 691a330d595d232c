package hk.ccms.access.auth.service;

import java.time.Instant;

/**
 * What datacentre-state of this data centre last said, and when: read from its status endpoint or
 * pushed by it. This data centre is active only while it holds the epoch, is not handing it over,
 * and has confirmed it with its peer since it started.
 */
public record DataCentreReading(String thisDc, String activeDc, long epoch, long revision, String handingOverTo,
                                boolean confirmed, String session, boolean carryForward,
                                boolean businessFunctionsAvailable, Instant readAt) {

    public boolean active() {
        return confirmed && handingOverTo == null && thisDc.equals(activeDc);
    }

    /** Whether this reading is at least as recent as {@code other} in the state's own order. */
    public boolean notOlderThan(DataCentreReading other) {
        return other == null || epoch > other.epoch || (epoch == other.epoch && revision >= other.revision);
    }
}
