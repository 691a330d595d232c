package hk.ccms.access.otp.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

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

    /** How long a code stays usable after it was sent. */
    @DurationMin(seconds = 1)
    @DurationMax(minutes = 10)
    Duration ttl();

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

    interface Mail {

        @Email
        @NotBlank
        String from();

        /** Longest a request waits for the SMTP server to take a message. */
        @DurationMin(seconds = 1)
        Duration sendTimeout();
    }
}
