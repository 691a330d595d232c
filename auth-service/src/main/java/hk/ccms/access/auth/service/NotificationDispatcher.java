package hk.ccms.access.auth.service;

import hk.ccms.access.auth.client.OtpGateway;
import hk.ccms.access.auth.client.OtpNotificationClient;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.common.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the queued account-change e-mails through otp-service. A notification is claimed for a
 * lease (so that two instances do not send it at the same time), sent, and then marked sent; when
 * the mail path is down it stays queued and is retried with exponential backoff, for as long as
 * it takes. otp-service drops a repeat of a notification id it already mailed, so a crash between
 * the send and the mark does not mail twice.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);
    private static final String CLAIM_DUE = """
            select * from notification
            where sent_at is null and next_attempt_at <= ?1
            order by next_attempt_at
            limit ?2
            for update skip locked""";

    private final OtpGateway otp;
    private final AuthConfig.Notifications config;
    private final MeterRegistry metrics;
    private final Clock clock;

    public NotificationDispatcher(OtpGateway otp, AuthConfig config, MeterRegistry metrics, Clock clock) {
        this.otp = otp;
        this.config = config.notifications();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(every = "${ccms.auth.notifications.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        for (Notification notification : claimDue()) {
            send(notification);
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Notification> claimDue() {
        Instant now = clock.instant();
        List<Notification> due = Notification.getEntityManager().createNativeQuery(CLAIM_DUE, Notification.class)
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        for (Notification notification : due) {
            notification.nextAttemptAt = now.plus(config.claimLease());
        }
        return due;
    }

    private void send(Notification notification) {
        try {
            otp.notify(new OtpNotificationClient.SendNotification(notification.notificationId, notification.subjectUserId,
                    notification.kind.name(), notification.recipient, notification.occurredAt, null, notification.changedTo));
            markSent(notification.id);
            metrics.counter("ccms.notifications.sent", "kind", notification.kind.name()).increment();
        } catch (ProblemException failed) {
            retryLater(notification, failed.getMessage());
        } catch (RuntimeException failed) {
            retryLater(notification, failed.getClass().getSimpleName());
        }
    }

    private void retryLater(Notification notification, String reason) {
        int attempts = notification.attempts + 1;
        Duration wait = backoff(attempts);
        markFailed(notification.id, attempts, clock.instant().plus(wait), reason.length() <= 200 ? reason : reason.substring(0, 200));
        metrics.counter("ccms.notifications.send.failures", "kind", notification.kind.name()).increment();
        LOG.warnf("Notification not sent yet: notificationId=%s kind=%s subject=%s attempt=%d reason=%s nextAttemptIn=%s",
                notification.notificationId, notification.kind, notification.subjectUserId, attempts, reason, wait);
    }

    Duration backoff(int attempts) {
        Duration wait = config.retryMin().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
    }

    @Transactional
    void markSent(long id) {
        Notification.update("sentAt = ?1, lastError = null where id = ?2", clock.instant(), id);
    }

    @Transactional
    void markFailed(long id, int attempts, Instant nextAttemptAt, String reason) {
        Notification.update("attempts = ?1, nextAttemptAt = ?2, lastError = ?3 where id = ?4 and sentAt is null",
                attempts, nextAttemptAt, reason, id);
    }
}
