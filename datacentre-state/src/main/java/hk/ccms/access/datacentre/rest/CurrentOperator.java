package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.service.Operator;
import jakarta.enterprise.context.RequestScoped;

/** The operator {@link OperatorAccessFilter} let through for this request. */
@RequestScoped
public class CurrentOperator {

    private Operator operator;

    void set(Operator operator) {
        this.operator = operator;
    }

    public Operator get() {
        if (operator == null) {
            throw new IllegalStateException("No operator: the endpoint is not marked @OperatorAccess");
        }
        return operator;
    }
}
