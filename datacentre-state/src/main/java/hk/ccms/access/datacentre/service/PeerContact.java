package hk.ccms.access.datacentre.service;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this DC knows about its contact with the peer: whether the peer answered the last call,
 * when it last did, and whether this DC has <em>confirmed</em> its state since it started.
 * <p>
 * A DC that starts up may hold a state its peer has long replaced (it was down during a fail-over),
 * so until it has exchanged state with the peer once, or an operator failed over to it, it never
 * says it is active. Held in memory on purpose: a restart must confirm again. Without a peer there
 * is nobody to ask, and the DC is confirmed from the start.
 */
@ApplicationScoped
public class PeerContact {

    private static final Logger LOG = Logger.getLogger(PeerContact.class);

    /** The peer as the status shows it. */
    public record View(String id, boolean configured, boolean reachable, Instant lastContactAt) {
    }

    private final String peerId;
    private final boolean configured;
    private final AtomicBoolean confirmed;
    /** Null until the first attempt, so that the first outcome is logged either way. */
    private final AtomicReference<Boolean> reachable = new AtomicReference<>();
    private volatile Instant lastContactAt;

    public PeerContact(DataCentreConfig config) {
        this.peerId = config.peerId();
        this.configured = config.peerUrl().isPresent();
        this.confirmed = new AtomicBoolean(!configured);
    }

    public boolean confirmed() {
        return confirmed.get();
    }

    public void confirm(String how) {
        if (confirmed.compareAndSet(false, true)) {
            LOG.infof("Data-centre state confirmed: %s", how);
        }
    }

    public void reached(Instant at) {
        lastContactAt = at;
        if (!Boolean.TRUE.equals(reachable.getAndSet(true))) {
            LOG.infof("Peer %s reachable", peerId);
        }
    }

    /** Logged once when contact is lost, not at every failed attempt. */
    public void lost(String why) {
        if (!Boolean.FALSE.equals(reachable.getAndSet(false))) {
            LOG.warnf("Peer %s unreachable: %s", peerId, why);
        }
    }

    public View view() {
        return new View(peerId, configured, Boolean.TRUE.equals(reachable.get()), lastContactAt);
    }
}
