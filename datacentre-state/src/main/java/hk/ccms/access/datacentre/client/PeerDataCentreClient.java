package hk.ccms.access.datacentre.client;

import hk.ccms.access.common.link.LinkCalls;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.domain.SharedState;
import hk.ccms.access.datacentre.service.PeerDataCentre;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The peer DC's datacentre-state (audience {@code datacentre-state}). */
@ApplicationScoped
public class PeerDataCentreClient implements PeerDataCentre {

    static final String AUDIENCE = "datacentre-state";
    static final String STATE_PATH = "/internal/v1/datacentre/state";

    private final LinkCalls calls;
    private final Optional<URI> stateUri;
    private final Duration timeout;

    public PeerDataCentreClient(LinkCalls calls, DataCentreConfig config) {
        this.calls = calls;
        this.stateUri = config.peerUrl().map(base -> LinkCalls.resolve(base, STATE_PATH));
        this.timeout = config.peerTimeout();
    }

    @Override
    public boolean configured() {
        return stateUri.isPresent();
    }

    @Override
    public SharedState fetch() throws Unreachable {
        LinkCalls.Answer answer = send("GET", null);
        if (!answer.ok()) {
            throw new Unreachable("GET answered " + answer.status());
        }
        return read(answer);
    }

    /** 200: the peer holds ours (or the same); 409 {@code stale-epoch}: it holds a newer one. */
    @Override
    public boolean push(SharedState state) throws Unreachable {
        LinkCalls.Answer answer = send("PUT", state);
        if (answer.ok() || answer.status() == 409) {
            return answer.ok();
        }
        throw new Unreachable("PUT answered " + answer.status());
    }

    private LinkCalls.Answer send(String method, Object body) throws Unreachable {
        URI uri = stateUri.orElseThrow(() -> new Unreachable("no peer is configured"));
        try {
            return calls.send(method, uri, AUDIENCE, body, timeout);
        } catch (LinkCalls.Failed failed) {
            throw new Unreachable(failed.getMessage());
        }
    }

    private SharedState read(LinkCalls.Answer answer) throws Unreachable {
        try {
            return calls.read(answer, SharedState.class);
        } catch (LinkCalls.Failed failed) {
            throw new Unreachable(failed.getMessage());
        }
    }
}
