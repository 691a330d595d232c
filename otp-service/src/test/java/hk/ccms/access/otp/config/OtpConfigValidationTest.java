package hk.ccms.access.otp.config;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The DESIGN §5 bounds are enforced when configuration is read, i.e. at startup. */
class OtpConfigValidationTest {

    /** Messages are not under test: keep their templates rather than interpolating them. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new MessageInterpolator() {
                @Override
                public String interpolate(String template, Context context) {
                    return template;
                }

                @Override
                public String interpolate(String template, Context context, Locale locale) {
                    return template;
                }
            }).buildValidatorFactory().getValidator();

    @Test
    void defaultsAreValid() {
        OtpConfig config = load(Map.of());
        assertEquals(6, config.codeLength());
        assertEquals(Duration.ofMinutes(5), config.ttl());
        assertEquals(Duration.ofMinutes(10), config.setupTtl());
    }

    @Test
    void ttlLongerThanTenMinutesIsRefused() {
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.ttl", "PT10M1S")));
        load(Map.of("ccms.otp.ttl", "PT10M"));
    }

    @Test
    void setupTtlOutsideOneSecondToTenMinutesIsRefused() {
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.setup-ttl", "PT10M1S")));
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.setup-ttl", "PT0.5S")));
        assertEquals(Duration.ofSeconds(1), load(Map.of("ccms.otp.setup-ttl", "PT1S")).setupTtl());
        assertEquals(Duration.ofMinutes(7), load(Map.of("ccms.otp.setup-ttl", "PT7M")).setupTtl());
    }

    @Test
    void codeLengthOutsideSixToTenIsRefused() {
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.code-length", "5")));
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.code-length", "11")));
    }

    @Test
    void moreThanFiveAttemptsIsRefused() {
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.max-attempts", "6")));
    }

    @Test
    void smsSettingsOutsideSmppLimitsAreRefused() {
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.sms.system-id", "a-system-id-of-16")));
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.sms.source-address", "HKFE-CLEARING")));
        assertThrows(ConfigValidationException.class, () -> load(Map.of("ccms.otp.sms.password", "nine-char")));
        assertEquals("HKFE", load(Map.of()).sms().sourceAddress());
    }

    @Test
    void missingHashKeyIsRefused() {
        Map<String, String> values = new HashMap<>(defaults());
        values.remove("ccms.otp.code-hash-key");
        assertThrows(RuntimeException.class, () -> build(values));
    }

    private static OtpConfig load(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(defaults());
        values.putAll(overrides);
        return build(values);
    }

    private static OtpConfig build(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(OtpConfig.class)
                .withDefaultValues(values)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(OtpConfig.class);
    }

    /** The values application.properties gives when no environment variable is set. */
    private static Map<String, String> defaults() {
        return Map.ofEntries(
                Map.entry("ccms.otp.code-length", "6"),
                Map.entry("ccms.otp.code-hash-key", "dGVzdC1vbmx5LW90cC1jb2RlLWhhc2gta2V5LW5vdC1zZWNyZXQ="),
                Map.entry("ccms.otp.ttl", "PT5M"),
                Map.entry("ccms.otp.setup-ttl", "PT10M"),
                Map.entry("ccms.otp.max-attempts", "5"),
                Map.entry("ccms.otp.resend-interval", "PT30S"),
                Map.entry("ccms.otp.max-codes-per-hour", "10"),
                Map.entry("ccms.otp.delivery-retry-after", "PT30S"),
                Map.entry("ccms.otp.mail.from", "no-reply@ccms.local"),
                Map.entry("ccms.otp.mail.send-timeout", "PT10S"),
                Map.entry("ccms.otp.sms.enabled", "true"),
                Map.entry("ccms.otp.sms.host", "127.0.0.1"),
                Map.entry("ccms.otp.sms.port", "2775"),
                Map.entry("ccms.otp.sms.system-id", "ccms-otp"),
                Map.entry("ccms.otp.sms.source-address", "HKFE"),
                Map.entry("ccms.otp.sms.submit-timeout", "PT10S"),
                Map.entry("ccms.otp.sms.reconnect-backoff-min", "PT1S"),
                Map.entry("ccms.otp.sms.reconnect-backoff-max", "PT60S"));
    }
}
