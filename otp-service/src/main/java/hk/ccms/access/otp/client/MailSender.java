package hk.ccms.access.otp.client;

import hk.ccms.access.otp.config.OtpConfig;
import hk.ccms.access.otp.service.DeliveryFailedException;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way mail leaves otp-service (codes and account-change notifications): hands a templated
 * message to the SMTP server and waits, on the calling worker thread and at most the send timeout,
 * until the server accepted it, so that a refusal reaches the caller as {@code delivery-unavailable}.
 */
@ApplicationScoped
public class MailSender {

    private final OtpConfig.Mail config;
    private final Vertx vertx;

    public MailSender(OtpConfig config, Vertx vertx) {
        this.config = config.mail();
        this.vertx = vertx;
    }

    public void send(MailTemplateInstance mail, String to, String subject) throws DeliveryFailedException {
        Context eventLoop = vertx.getOrCreateContext();
        try {
            Uni.createFrom().deferred(() -> mail
                            .from(config.from())
                            .to(to)
                            .subject(subject)
                            .send())
                    // Vert.x mail (4.5) starts reading a new SMTP connection one context switch after it
                    // connected when the send starts on a worker thread; a server greeting that arrives in
                    // between is lost and the send hangs or fails. Measured against a local server: 8 of 200
                    // new connections failed that way, 0 of 200 when the send starts on the event loop.
                    .runSubscriptionOn(task -> eventLoop.runOnContext(ignored -> task.run()))
                    .await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("The SMTP server did not accept the message: " + e, e);
        }
    }
}
