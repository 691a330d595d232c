package hk.ccms.access.otp.health;

import hk.ccms.access.otp.client.SmsCodeDelivery;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Shows the SMPP session in readiness, always UP: with the SMSC unreachable the service still
 * sends e-mail and verifies codes, and an SMS request gets {@code delivery-unavailable}; taking
 * the instance out of the load balancer would stop all of that too.
 */
@Readiness
@ApplicationScoped
public class SmppSessionHealthCheck implements HealthCheck {

    private final SmsCodeDelivery sms;

    public SmppSessionHealthCheck(SmsCodeDelivery sms) {
        this.sms = sms;
    }

    @Override
    public HealthCheckResponse call() {
        SmsCodeDelivery.Status status = sms.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("smpp-session").up()
                .withData("state", status.state().name());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        if (status.nextBindAttempt() != null) {
            response.withData("nextBindAttempt", status.nextBindAttempt().toString());
        }
        return response.build();
    }
}
