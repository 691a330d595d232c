package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.otp.client.AccountChangeMail;
import hk.ccms.access.otp.client.RedisNotificationLedger;
import hk.ccms.access.otp.client.RedisNotificationLedger.Claim;
import hk.ccms.access.otp.config.OtpConfig;
import hk.ccms.access.otp.domain.AccountChange;
import hk.ccms.access.otp.domain.AccountChangeMessage;
import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.EmailAddress;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.MobileNumber;
import hk.ccms.access.otp.domain.NotificationKind;
import hk.ccms.access.otp.domain.NotificationReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a person by e-mail that their account changed, at most once per notification id.
 * auth-service keeps notifications in a transactional outbox and repeats a request until it gets an
 * answer, so a repeat of a sent id is answered {@code ALREADY_SENT} without sending, and a failed
 * send leaves nothing recorded so that the repeat sends it. Delivery is at least once: a message
 * the SMTP server takes only after the send timeout was given up on can arrive twice.
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final String CHANGED_TO = "changedTo";
    private static final Duration IN_PROGRESS_RETRY_AFTER = Duration.ofSeconds(5);
    /**
     * Added to the send timeout for a claim's lifetime: a claim must outlive the longest send so
     * that a duplicate never starts a second send while the first may still succeed, and stay short
     * so that the claim of an instance that died while sending frees itself soon.
     */
    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(10);

    private final OtpConfig config;
    private final RedisNotificationLedger ledger;
    private final AccountChangeMail mail;
    private final OtpMetrics metrics;

    public NotificationService(OtpConfig config, RedisNotificationLedger ledger, AccountChangeMail mail, OtpMetrics metrics) {
        this.config = config;
        this.ledger = ledger;
        this.mail = mail;
        this.metrics = metrics;
    }

    public NotificationReceipt send(String notificationId, String subject, NotificationKind kind, String to,
                                    String occurredAt, Language language, String changedTo) {
        EmailAddress recipient = EmailAddress.parse(to).orElseThrow(() -> InvalidInput.field("to", EmailAddress.RULE));
        Instant when = instant(occurredAt);
        AccountChange change = change(kind, changedTo);

        Claim claim = ledger.claim(notificationId, config.mail().sendTimeout().plus(CLAIM_MARGIN));
        switch (claim.status()) {
            case SENT -> {
                log(notificationId, subject, kind, "ALREADY_SENT");
                return new NotificationReceipt(notificationId, NotificationReceipt.Status.ALREADY_SENT);
            }
            case IN_PROGRESS -> {
                log(notificationId, subject, kind, "IN_PROGRESS");
                throw new ProblemException(OtpProblemType.NOTIFICATION_IN_PROGRESS,
                        "Another request is sending this notification; repeat the request to learn its outcome.",
                        IN_PROGRESS_RETRY_AFTER);
            }
            case CLAIMED -> { }
        }
        try {
            mail.send(new AccountChangeMessage(recipient.toString(), change, when, language == null ? Language.EN : language));
        } catch (DeliveryFailedException e) {
            releaseQuietly(claim);
            metrics.deliveryFailed(Channel.EMAIL);
            LOG.warnf("Notification not sent: notificationId=%s subject=%s kind=%s outcome=DELIVERY_FAILED cause=%s",
                    notificationId, subject, kind, withoutAddress(e.getMessage(), recipient));
            throw new ProblemException(OtpProblemType.DELIVERY_UNAVAILABLE,
                    "The e-mail service did not accept the notification; nothing was sent. Try again later.",
                    config.deliveryRetryAfter());
        }
        markSentQuietly(claim);
        metrics.notificationSent(kind);
        log(notificationId, subject, kind, "SENT");
        return new NotificationReceipt(notificationId, NotificationReceipt.Status.SENT);
    }

    /** Checks {@code changedTo} against what the kind names, and words the change with the new value masked. */
    private static AccountChange change(NotificationKind kind, String changedTo) {
        return switch (kind.changedTo()) {
            case NOTHING -> {
                if (changedTo != null) {
                    throw InvalidInput.field(CHANGED_TO, "must be absent for " + kind);
                }
                yield AccountChange.of(kind);
            }
            case EMAIL_ADDRESS -> AccountChange.to(kind, EmailAddress.parse(required(kind, changedTo))
                    .orElseThrow(() -> InvalidInput.field(CHANGED_TO, EmailAddress.RULE)));
            case MOBILE_NUMBER -> AccountChange.to(kind, MobileNumber.parse(required(kind, changedTo))
                    .orElseThrow(() -> InvalidInput.field(CHANGED_TO, MobileNumber.RULE)));
            case CHANNEL -> AccountChange.to(kind, channel(required(kind, changedTo)));
        };
    }

    private static String required(NotificationKind kind, String changedTo) {
        if (changedTo == null) {
            throw InvalidInput.field(CHANGED_TO, "is required for " + kind);
        }
        return changedTo;
    }

    private static Channel channel(String name) {
        return Arrays.stream(Channel.values())
                .filter(channel -> channel.name().equals(name))
                .findFirst()
                .orElseThrow(() -> InvalidInput.field(CHANGED_TO, "must be EMAIL or SMS"));
    }

    private static Instant instant(String occurredAt) {
        try {
            return Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("occurredAt", "must be an ISO-8601 instant such as 2026-11-26T06:05:00Z");
        }
    }

    private void releaseQuietly(Claim claim) {
        try {
            ledger.release(claim);
        } catch (ProblemException storeDown) {
            // The claim expires by itself shortly; until then a repeat is told to come back later.
            LOG.warnf("Could not give back the claim on notificationId=%s", claim.notificationId());
        }
    }

    private void markSentQuietly(Claim claim) {
        try {
            ledger.markSent(claim);
        } catch (ProblemException storeDown) {
            // The SMTP server has the message: answering 503 would make the outbox send it again at once.
            // The claim still keeps repeats out until it expires.
            LOG.warnf("Notification sent but not recorded as sent: notificationId=%s", claim.notificationId());
        }
    }

    private static void log(String notificationId, String subject, NotificationKind kind, String outcome) {
        LOG.infof("Notification: notificationId=%s subject=%s kind=%s outcome=%s", notificationId, subject, kind, outcome);
    }

    /** SMTP replies may quote the recipient, and addresses never go into the log. */
    private static String withoutAddress(String text, EmailAddress recipient) {
        return Pattern.compile(Pattern.quote(recipient.toString()), Pattern.CASE_INSENSITIVE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(recipient.masked()));
    }
}
