package hk.ccms.access.otp.service;

import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.NotificationKind;
import hk.ccms.access.otp.domain.Purpose;
import hk.ccms.access.otp.domain.VerificationOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters an operator watches: codes sent, verification outcomes, delivery failures (codes and
 * notifications), SMS receipts, account-change notifications sent.
 */
@ApplicationScoped
public class OtpMetrics {

    private final MeterRegistry registry;

    public OtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void codeIssued(Channel channel, Purpose purpose, boolean resend) {
        registry.counter("ccms.otp.codes.issued",
                "channel", channel.name(), "purpose", purpose.name(), "kind", resend ? "resend" : "initial").increment();
    }

    public void codeVerified(VerificationOutcome outcome) {
        registry.counter("ccms.otp.codes.verified", "outcome", outcome.name()).increment();
    }

    public void deliveryFailed(Channel channel) {
        registry.counter("ccms.otp.delivery.failures", "channel", channel.name()).increment();
    }

    /** A delivery receipt from the SMSC, by its final state ({@code DELIVRD}, {@code UNDELIV}, ...). */
    public void smsReceipt(String state) {
        registry.counter("ccms.otp.sms.receipts", "state", state).increment();
    }

    /** An account-change notification the SMTP server accepted (a repeated request that sent nothing is not counted). */
    public void notificationSent(NotificationKind kind) {
        registry.counter("ccms.otp.notifications.sent", "kind", kind.name()).increment();
    }
}
