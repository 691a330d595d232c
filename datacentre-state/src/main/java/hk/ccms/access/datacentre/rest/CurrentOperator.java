package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.service.Operator;
import hk.ccms.access.datacentre.service.OperatorSession;
import jakarta.enterprise.context.RequestScoped;

/**
 * The operator {@link OperatorAccessFilter} let through for this request, with the token it came
 * with and the session auth-service reported live for it.
 */
@RequestScoped
public class CurrentOperator {

    private Operator operator;
    private OperatorSession session;
    private String accessToken;

    void set(Operator operator, OperatorSession session, String accessToken) {
        this.operator = operator;
        this.session = session;
        this.accessToken = accessToken;
    }

    public Operator get() {
        checkSet();
        return operator;
    }

    /** The session as auth-service reported it when it confirmed it live, for this request. */
    public OperatorSession session() {
        checkSet();
        return session;
    }

    /** The verified access token, for calls to auth-service on the operator's behalf (logout). Never logged. */
    String accessToken() {
        checkSet();
        return accessToken;
    }

    private void checkSet() {
        if (operator == null) {
            throw new IllegalStateException("No operator: the endpoint is not marked @OperatorAccess");
        }
    }
}
