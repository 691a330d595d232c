package hk.ccms.access.datacentre.service;

import hk.ccms.access.datacentre.domain.SharedState;

/** The peer DC's datacentre-state, over the data-centre link ({@code /internal/v1/datacentre/state}). */
public interface PeerDataCentre {

    /** The peer gave no usable answer (or none is configured). */
    final class Unreachable extends Exception {
        public Unreachable(String reason) {
            super(reason, null, false, false);
        }
    }

    boolean configured();

    SharedState fetch() throws Unreachable;

    /** @return true when the peer now holds {@code state}, false when it holds a newer one (it will be adopted by the next exchange) */
    boolean push(SharedState state) throws Unreachable;
}
