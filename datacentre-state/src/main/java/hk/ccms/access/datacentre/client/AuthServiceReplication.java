package hk.ccms.access.datacentre.client;

import com.fasterxml.jackson.core.type.TypeReference;
import hk.ccms.access.common.link.LinkCalls;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.service.AuthServiceLink;
import hk.ccms.access.datacentre.service.PublishedState;
import hk.ccms.access.datacentre.service.QuarantineEntry;
import hk.ccms.access.datacentre.service.ReplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** This DC's auth-service's internal API (audience {@code auth-service}), as the contract defines it. */
@ApplicationScoped
public class AuthServiceReplication implements AuthServiceLink {

    static final String AUDIENCE = "auth-service";
    static final String STATE_PATH = "/internal/v1/datacentre-state";
    static final String STATUS_PATH = "/internal/v1/replication/status";
    static final String QUARANTINE_PATH = "/internal/v1/replication/quarantine";

    private final LinkCalls calls;
    private final URI base;
    private final Duration timeout;

    public AuthServiceReplication(LinkCalls calls, DataCentreConfig config) {
        this.calls = calls;
        this.base = config.authService().url();
        this.timeout = config.authService().timeout();
    }

    @Override
    public ReplicationStatus publish(PublishedState state) throws Unavailable {
        return call("PUT", STATE_PATH, state, ReplicationStatus.class);
    }

    @Override
    public ReplicationStatus replicationStatus(boolean withDigest) throws Unavailable {
        return call("GET", STATUS_PATH + "?digest=" + withDigest, null, ReplicationStatus.class);
    }

    @Override
    public List<QuarantineEntry> quarantine() throws Unavailable {
        try {
            return calls.read(answer("GET", QUARANTINE_PATH, null), new TypeReference<List<QuarantineEntry>>() { });
        } catch (LinkCalls.Failed failed) {
            throw new Unavailable(failed.getMessage());
        }
    }

    @Override
    public QuarantineEntry decide(long id, QuarantineDecision decision, String operator, String reason) throws Unavailable {
        String path = QUARANTINE_PATH + "/" + id + "/" + decision.name().toLowerCase(Locale.ROOT);
        return call("POST", path, Map.of("operator", operator, "reason", reason), QuarantineEntry.class);
    }

    private <T> T call(String method, String path, Object body, Class<T> type) throws Unavailable {
        try {
            return calls.read(answer(method, path, body), type);
        } catch (LinkCalls.Failed failed) {
            throw new Unavailable(failed.getMessage());
        }
    }

    /** A 200 answer; a problem document is passed on as it is, anything else means auth-service is unavailable. */
    private LinkCalls.Answer answer(String method, String path, Object body) throws LinkCalls.Failed, Unavailable {
        LinkCalls.Answer answer = calls.send(method, LinkCalls.resolve(base, path), AUDIENCE, body, timeout);
        if (answer.ok()) {
            return answer;
        }
        throw calls.problemOf(answer).orElseThrow(() -> new Unavailable(method + " " + path + " answered " + answer.status()));
    }
}
