package hk.ccms.access.common.link;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static LinkTokens tokens(byte[] key, Instant now) {
        return new LinkTokens(Optional.of(key), "auth-service@PDC", Duration.ofMinutes(1), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String bare(String authorization) {
        return authorization.substring("Bearer ".length());
    }

    @Test
    void aTokenIsAcceptedByItsAudienceOnly() throws Exception {
        LinkTokens tokens = tokens(KEY, NOW);
        String token = bare(tokens.authorization("auth-service"));

        assertEquals("auth-service@PDC", tokens.verify(token, "auth-service"));
        assertThrows(LinkTokens.Refused.class, () -> tokens.verify(token, "datacentre-state"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = bare(tokens("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII), NOW)
                .authorization("auth-service"));

        assertThrows(LinkTokens.Refused.class, () -> tokens(KEY, NOW).verify(forged, "auth-service"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = bare(tokens(KEY, NOW).authorization("auth-service"));

        assertThrows(LinkTokens.Refused.class, () -> tokens(KEY, NOW.plus(Duration.ofMinutes(5))).verify(token, "auth-service"));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = bare(tokens(KEY, NOW).authorization("auth-service")).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";

        assertThrows(LinkTokens.Refused.class, () -> tokens(KEY, NOW).verify(none, "auth-service"));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(LinkTokens.Refused.class, () -> tokens(KEY, NOW).verify("not.a.token", "auth-service"));
    }

    @Test
    void withoutAKeyNothingIsIssuedOrAccepted() {
        LinkTokens unconfigured = new LinkTokens(Optional.empty(), "auth-service@PDC", Duration.ofMinutes(1), Clock.systemUTC());

        assertFalse(unconfigured.configured());
        assertThrows(IllegalStateException.class, () -> unconfigured.authorization("auth-service"));
        assertThrows(LinkTokens.Refused.class, () -> unconfigured.verify("x.y.z", "auth-service"));
    }

    @Test
    void aShortKeyIsRejectedAtStart() {
        LinkConfig shortKey = new LinkConfig() {
            public Optional<String> key() {
                return Optional.of(Base64.getEncoder().encodeToString(new byte[16]));
            }

            public String dataCentre() {
                return "PDC";
            }

            public Duration tokenLifetime() {
                return Duration.ofMinutes(1);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }
        };
        assertThrows(IllegalStateException.class, () -> new LinkTokens(shortKey, "auth-service"));
    }
}
