package hk.ccms.access.otp.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.util.Optional;

/**
 * The one-time-code rules. The bounds are those of DESIGN §5 (NIST SP 800-63B §5.1.3): an
 * operator can make codes stricter but not weaker, and a value outside the bounds stops startup.
 * The values and their environment variables are in {@code application.properties}.
 */
@ConfigMapping(prefix = "ccms.otp")
public interface OtpConfig {

    /** Digits per code. */
    @Min(6)
    @Max(10)
    int codeLength();

    /**
     * Base64 HMAC-SHA256 key for the stored code hashes, at least 32 bytes once decoded. No
     * default outside the dev, test and local profiles: a service without it must not start.
     */
    @NotBlank
    String codeHashKey();

    /** How long a login code stays usable after it was sent. */
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 10)
    Duration ttl();

    /**
     * How long a set-up code ({@code ACTIVATION}, {@code MOBILE_PROOF}) stays usable. Separate from
     * {@link #ttl()} because during set-up the person looks for a code in a mailbox or on a phone not
     * yet used with CCMS, which takes longer than a routine login; the same upper bound still applies.
     */
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 10)
    Duration setupTtl();

    /** Wrong codes accepted per challenge; the one that reaches this number ends the challenge. */
    @Min(1)
    @Max(5)
    int maxAttempts();

    /** Minimum time between two sends for one challenge. */
    @DurationMin(seconds = 1)
    Duration resendInterval();

    /** Codes (initial and resent) one subject may be sent per clock hour (a fixed window). */
    @Min(1)
    int maxCodesPerHour();

    /** How long callers are told to wait when the delivery channel refused a code. */
    @DurationMin(seconds = 1)
    Duration deliveryRetryAfter();

    Mail mail();

    Sms sms();

    interface Mail {

        @Email
        @NotBlank
        String from();

        /** Longest a request waits for the SMTP server to take a message. */
        @DurationMin(seconds = 1)
        Duration sendTimeout();
    }

    /** SMS through an SMSC over SMPP 3.4, one long-lived transceiver session. */
    interface Sms {

        /** Off: {@code SMS} is refused with {@code channel-not-available}. */
        boolean enabled();

        @NotBlank
        String host();

        @Min(1)
        @Max(65535)
        int port();

        /** SMPP system_id, at most 15 characters. */
        @NotBlank
        @Size(max = 15)
        String systemId();

        /** SMPP password, at most 8 characters; a secret, never logged. */
        Optional<@Size(max = 8) String> password();

        /** Sender shown on the phone: an alphanumeric name of at most 11 characters, or a number. */
        @NotBlank
        @Size(max = 11)
        String sourceAddress();

        /** Longest wait for the SMSC to answer a bind or a submit. */
        @DurationMin(millis = 100)
        Duration submitTimeout();

        /** First wait before binding again after the session dropped or a bind failed; doubles up to the maximum. */
        @DurationMin(millis = 10)
        Duration reconnectBackoffMin();

        @DurationMin(millis = 10)
        Duration reconnectBackoffMax();
    }
}
