package hk.ccms.access.infra.launcher;

/**
 * How a data centre reaches the other one of its pair: the peer's ports on this machine and the link key both
 * sign their calls to each other with.
 */
record PeerLink(DataCentreSpec.Ports ports, String key) {

    @Override
    public String toString() {
        // The key is a secret: never in a log line or an assertion message.
        return "PeerLink[ports=" + ports + ", key=(hidden)]";
    }
}
