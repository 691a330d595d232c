package hk.ccms.access.auth.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while this instance knows whether its data centre is active: without a fresh reading
 * from datacentre-state it refuses logins and writes, so a load balancer should not send it any.
 */
@Readiness
@ApplicationScoped
public class DataCentreStateHealthCheck implements HealthCheck {

    private final DataCentreGate gate;

    public DataCentreStateHealthCheck(DataCentreGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        return gate.currentReading().map(DataCentreStateHealthCheck::of)
                .orElseGet(() -> HealthCheckResponse.named("datacentre-state").up().withData("mode", "single data centre").build());
    }

    private static HealthCheckResponse of(DataCentreGate.Freshness freshness) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("datacentre-state").status(freshness.fresh());
        DataCentreReading reading = freshness.reading();
        if (reading == null) {
            return response.withData("reading", "none yet").build();
        }
        return response.withData("dataCentre", reading.thisDc()).withData("active", reading.active())
                .withData("activeDataCentre", reading.activeDc()).withData("epoch", reading.epoch())
                .withData("readAt", reading.readAt().toString()).build();
    }
}
