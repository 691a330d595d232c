package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.otp.client.RedisChallengeStore;
import hk.ccms.access.otp.client.RedisChallengeStore.ResendReservation;
import hk.ccms.access.otp.config.OtpConfig;
import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.CodeMessage;
import hk.ccms.access.otp.domain.HourlyWindow;
import hk.ccms.access.otp.domain.IssuedChallenge;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.OtpChallenge;
import hk.ccms.access.otp.domain.Purpose;
import hk.ccms.access.otp.domain.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Issues, verifies, resends and abandons one-time codes. A code is stored (as a keyed hash)
 * before it is sent and removed again if the channel refuses it, so that a caller told
 * {@code delivery-unavailable} never leaves a usable challenge behind; on resend the old code
 * is replaced only after the new one was delivered.
 */
@ApplicationScoped
public class ChallengeService {

    private static final Logger LOG = Logger.getLogger(ChallengeService.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final OtpConfig config;
    private final RedisChallengeStore store;
    private final CodeGenerator codes;
    private final CodeHasher hasher;
    private final CodeDeliveries deliveries;
    private final OtpMetrics metrics;

    public ChallengeService(OtpConfig config, RedisChallengeStore store, CodeGenerator codes, CodeHasher hasher,
                            CodeDeliveries deliveries, OtpMetrics metrics) {
        this.config = config;
        this.store = store;
        this.codes = codes;
        this.hasher = hasher;
        this.deliveries = deliveries;
        this.metrics = metrics;
    }

    public IssuedChallenge issue(String transactionId, String subject, Purpose purpose, Channel channel,
                                 String destination, Language language) {
        CodeDelivery delivery = deliveries.forChannel(channel);
        String normalised = delivery.normalise(destination);
        Instant now = now();
        String code = codes.next(config.codeLength());
        OtpChallenge challenge = new OtpChallenge(transactionId, subject, purpose, channel, normalised,
                language == null ? Language.EN : language, hasher.hash(transactionId, code), config.maxAttempts(),
                now, now.plus(ttl(purpose)));
        HourlyWindow window = HourlyWindow.containing(now);
        switch (store.create(challenge, window, config.maxCodesPerHour())) {
            case EXISTS -> throw new ProblemException(OtpProblemType.CHALLENGE_EXISTS,
                    "A code for this transaction is still live; verify it, resend it or abandon the transaction.");
            case QUOTA_EXCEEDED -> throw rateLimited(window, now);
            case CREATED -> { }
        }
        try {
            delivery.send(new CodeMessage(normalised, code, purpose, challenge.expiresAt(), challenge.language()));
        } catch (DeliveryFailedException e) {
            discardQuietly(challenge, window);
            throw deliveryUnavailable(transactionId, channel, e);
        }
        metrics.codeIssued(channel, purpose, false);
        LOG.infof("Code sent: transactionId=%s subject=%s purpose=%s channel=%s", transactionId, subject, purpose, channel);
        return issued(challenge.transactionId(), challenge.channel(), delivery.mask(normalised), challenge.expiresAt(), now);
    }

    public Verification verify(String transactionId, String subject, String code) {
        if (code == null || code.length() != config.codeLength() || !DIGITS.matcher(code).matches()) {
            throw InvalidInput.field("code", "must be exactly " + config.codeLength() + " digits");
        }
        Verification verification = store.verify(transactionId, subject, hasher.hash(transactionId, code), now());
        metrics.codeVerified(verification.outcome());
        LOG.infof("Code verified: transactionId=%s subject=%s outcome=%s remainingAttempts=%d",
                transactionId, subject, verification.outcome(), verification.remainingAttempts());
        return verification;
    }

    /** Sends a new code for a live challenge; {@code language} overrides the stored preference when given. */
    public IssuedChallenge resend(String transactionId, String subject, Language language) {
        Instant now = now();
        HourlyWindow window = HourlyWindow.containing(now);
        ResendReservation reservation = store.reserveResend(transactionId, subject, now, config.resendInterval(),
                window, config.maxCodesPerHour());
        switch (reservation.status()) {
            case NOT_FOUND -> throw notFound();
            case TOO_SOON -> throw new ProblemException(OtpProblemType.RESEND_TOO_SOON,
                    "A new code can be sent " + config.resendInterval().toSeconds() + " seconds after the previous one.",
                    reservation.retryAfter());
            case QUOTA_EXCEEDED -> throw rateLimited(window, now);
            case RESERVED -> { }
        }
        OtpChallenge previous = reservation.challenge();
        CodeDelivery delivery = deliveries.forChannel(previous.channel());
        String code = codes.next(config.codeLength());
        Instant expiresAt = now.plus(ttl(previous.purpose()));
        Language chosen = language == null ? previous.language() : language;
        try {
            delivery.send(new CodeMessage(previous.destination(), code, previous.purpose(), expiresAt, chosen));
        } catch (DeliveryFailedException e) {
            store.cancelResend(previous, now, window);
            throw deliveryUnavailable(transactionId, previous.channel(), e);
        }
        if (!store.completeResend(transactionId, subject, hasher.hash(transactionId, code), expiresAt, chosen)) {
            // Verified, abandoned or expired while the message was on its way: the new code is worthless.
            throw notFound();
        }
        metrics.codeIssued(previous.channel(), previous.purpose(), true);
        LOG.infof("Code resent: transactionId=%s subject=%s purpose=%s channel=%s",
                transactionId, subject, previous.purpose(), previous.channel());
        return issued(transactionId, previous.channel(), delivery.mask(previous.destination()), expiresAt, now);
    }

    /** Ends a challenge whose login was abandoned; nothing happens when there is none. */
    public void abandon(String transactionId) {
        store.delete(transactionId);
        LOG.infof("Challenge abandoned: transactionId=%s", transactionId);
    }

    private Duration ttl(Purpose purpose) {
        return purpose.setUp() ? config.setupTtl() : config.ttl();
    }

    private IssuedChallenge issued(String transactionId, Channel channel, String maskedDestination, Instant expiresAt, Instant sentAt) {
        return new IssuedChallenge(transactionId, channel, maskedDestination, expiresAt,
                sentAt.plus(config.resendInterval()), config.codeLength());
    }

    private void discardQuietly(OtpChallenge challenge, HourlyWindow window) {
        try {
            store.discard(challenge, window);
        } catch (ProblemException storeDown) {
            // The code was never delivered, so the orphan challenge cannot be used; it expires by itself.
            LOG.warnf("Could not discard undelivered challenge transactionId=%s", challenge.transactionId());
        }
    }

    private ProblemException deliveryUnavailable(String transactionId, Channel channel, DeliveryFailedException e) {
        metrics.deliveryFailed(channel);
        LOG.warnf("Delivery failed: transactionId=%s channel=%s cause=%s", transactionId, channel, e.getMessage());
        return new ProblemException(OtpProblemType.DELIVERY_UNAVAILABLE,
                "The " + channel + " service did not accept the code; no code was sent. Try again later.",
                config.deliveryRetryAfter());
    }

    private static ProblemException rateLimited(HourlyWindow window, Instant now) {
        return new ProblemException(OtpProblemType.OTP_RATE_LIMITED,
                "The maximum number of codes for this hour has been sent.", Duration.between(now, window.end()));
    }

    private static ProblemException notFound() {
        return new ProblemException(OtpProblemType.CHALLENGE_NOT_FOUND,
                "There is no live code for this transaction; start a new one.");
    }

    /** Milliseconds are what Redis stores, so the times returned to callers match the stored ones exactly. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
