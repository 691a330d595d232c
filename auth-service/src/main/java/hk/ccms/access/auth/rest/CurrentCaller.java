package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.AccessTokenVerifier;
import hk.ccms.access.auth.service.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller the access-token filter authenticated for this request. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw AccessTokenVerifier.rejected();
        }
        return caller;
    }
}
