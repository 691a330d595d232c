package hk.ccms.access.auth.service.replication;

import hk.ccms.access.auth.service.DataCentreReading;

import java.util.Objects;

/**
 * What this data centre may do with accounts, as held in its database: whether it accepts
 * account writes at all, under which epoch, and whether they are shipped to the peer
 * (carry forward) or kept at home for the named session.
 */
public record ReplicationScope(String dataCentre, long epoch, long revision, String activeDc, boolean writable,
                               boolean carryForward, String sessionName, boolean purgePending) {

    /** Changes stay here only at the data centre that runs the session: the standby holds nothing of it to keep or discard. */
    static ReplicationScope of(DataCentreReading reading) {
        boolean keptHere = !reading.carryForward() && reading.thisDc().equals(reading.activeDc());
        return new ReplicationScope(reading.thisDc(), reading.epoch(), reading.revision(), reading.activeDc(), reading.active(),
                !keptHere, keptHere ? reading.session() : null, false);
    }

    /** A data centre without a peer: always writable, everything carries forward. */
    static ReplicationScope single(String dataCentre) {
        return new ReplicationScope(dataCentre, 1, 0, dataCentre, true, true, null, false);
    }

    /** The session whose changes stay here, when one is open. */
    boolean keepsChangesLocal() {
        return !carryForward;
    }

    boolean sameAs(ReplicationScope other) {
        return dataCentre.equals(other.dataCentre) && epoch == other.epoch && revision == other.revision
                && activeDc.equals(other.activeDc) && writable == other.writable && carryForward == other.carryForward
                && Objects.equals(sessionName, other.sessionName);
    }

    ReplicationScope fenced() {
        return new ReplicationScope(dataCentre, epoch, revision, activeDc, false, carryForward, sessionName, purgePending);
    }

    ReplicationScope withPurgePending(boolean pending) {
        return new ReplicationScope(dataCentre, epoch, revision, activeDc, writable, carryForward, sessionName, pending);
    }
}
