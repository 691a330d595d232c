package hk.ccms.access.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where demo accounts are switched on, the active data centre is ready only once they exist:
 * readiness is what the launcher waits for before it prints how to log in. A standby gets them by
 * replication and does not wait; production has them off and never sees this check go down.
 */
@Readiness
@ApplicationScoped
public class DemoAccountsHealthCheck implements HealthCheck {

    private static final String NAME = "demo-accounts";

    private final DemoAccounts demoAccounts;
    private final DataCentreGate gate;

    public DemoAccountsHealthCheck(DemoAccounts demoAccounts, DataCentreGate gate) {
        this.demoAccounts = demoAccounts;
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        if (!demoAccounts.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("state", "switched off").build();
        }
        if (demoAccounts.seeded()) {
            return HealthCheckResponse.named(NAME).up().withData("state", "created").build();
        }
        // Until they exist, a person following the README (or a test) would be told they do not.
        return gate.acceptsWrites()
                ? HealthCheckResponse.named(NAME).down().withData("state", "being created").build()
                : HealthCheckResponse.named(NAME).up().withData("state", "made at the active data centre").build();
    }
}
