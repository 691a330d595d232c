package hk.ccms.access.auth.client;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.link.LinkCalls;
import hk.ccms.access.common.link.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * auth-service of the peer data centre, over the data-centre link (a link token on every call).
 * A refusal carries the peer's problem type, so that callers can act on it (e.g. a later epoch).
 */
@ApplicationScoped
public class PeerAuthClient {

    static final String AUDIENCE = "auth-service";

    /** The peer answered, but not with success. */
    public static final class Refused extends Exception {
        private final String type;

        Refused(int status, String type, String detail) {
            super("peer answered " + status + " " + type + (detail == null ? "" : ": " + detail));
            this.type = type;
        }

        /** The problem type's slug, empty when the answer was not a problem of the platform. */
        public String type() {
            return type;
        }
    }

    private final Optional<URI> peer;
    private final Duration timeout;
    private final LinkTokens tokens;
    private final LinkCalls calls;

    public PeerAuthClient(AuthConfig config, LinkTokens tokens, LinkCalls calls) {
        this.peer = config.replication().peerUrl().filter(url -> !url.isBlank()).map(URI::create);
        this.timeout = config.replication().peerTimeout();
        this.tokens = tokens;
        this.calls = calls;
    }

    /** Whether there is a peer to replicate with: its URL and the link key are both configured. */
    public boolean configured() {
        return peer.isPresent() && tokens.configured();
    }

    public <T> T post(String path, Object body, Class<T> answerType) throws LinkCalls.Failed, Refused {
        URI base = peer.orElseThrow(() -> new IllegalStateException("No peer auth-service is configured"));
        LinkCalls.Answer answer = calls.send("POST", LinkCalls.resolve(base, path), AUDIENCE, body, timeout);
        if (!answer.ok()) {
            throw calls.problemOf(answer)
                    .map(problem -> new Refused(answer.status(), problem.problem().getType().replaceFirst(".*:", ""),
                            problem.problem().getDetail()))
                    .orElseGet(() -> new Refused(answer.status(), "", null));
        }
        return calls.read(answer, answerType);
    }
}
