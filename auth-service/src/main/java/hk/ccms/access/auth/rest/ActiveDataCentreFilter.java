package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.DataCentreGate;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Logins and account writes happen only at the active data centre: every state-changing call of
 * the public API is refused at a standby (with the active data centre's name). Reads, and logout,
 * work everywhere. The OTP login steps decide for themselves (LoginService): an operator must be
 * able to sign in to the operations console of a standby, to fail over to it.
 */
public class ActiveDataCentreFilter {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String API = "api/v1/";
    private static final Set<String> DECIDED_BY_THE_ENDPOINT = Set.of("api/v1/session/logout", "api/v1/login/password",
            "api/v1/login/code", "api/v1/login/code/resend");

    private final DataCentreGate gate;

    public ActiveDataCentreFilter(DataCentreGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter(priority = 900)
    public void onlyAtTheActiveDataCentre(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        String path = withoutLeadingSlash(request.getUriInfo().getPath());
        if (!path.startsWith(API) || DECIDED_BY_THE_ENDPOINT.contains(path)) {
            return;
        }
        gate.requireActive();
    }

    private static String withoutLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
