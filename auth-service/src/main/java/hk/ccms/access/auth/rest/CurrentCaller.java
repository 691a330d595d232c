package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.AccessTokenVerifier;
import hk.ccms.access.auth.service.Caller;
import jakarta.enterprise.context.RequestScoped;

import java.time.Duration;

/** The caller the access-token filter authenticated for this request. */
@RequestScoped
public class CurrentCaller {

    private final Duration idleTimeout;
    private Caller caller;

    public CurrentCaller(AuthConfig config) {
        this.idleTimeout = config.token().idleTimeout();
    }

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw AccessTokenVerifier.rejected();
        }
        return caller;
    }

    /** The signed-in session as the portals show it. */
    public PortalSessionView sessionView() {
        return PortalSessionView.of(get(), idleTimeout);
    }
}
