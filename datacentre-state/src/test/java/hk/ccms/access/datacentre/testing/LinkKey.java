package hk.ccms.access.datacentre.testing;

import hk.ccms.access.common.link.LinkConfig;
import hk.ccms.access.common.link.LinkTokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The data-centre link key the service under test and its stand-in neighbours share in a test
 * run, and link tokens made with it as another service of the pair would make them.
 */
public final class LinkKey {

    public static final String BASE64 = newKey();

    private LinkKey() {
    }

    /** Link tokens of {@code service} at {@code dataCentre}, with the shared key. */
    public static LinkTokens tokensOf(String service, String dataCentre) {
        return tokensOf(service, dataCentre, BASE64);
    }

    public static LinkTokens tokensOf(String service, String dataCentre, String base64Key) {
        return new LinkTokens(new LinkConfig() {
            @Override
            public Optional<String> key() {
                return Optional.of(base64Key);
            }

            @Override
            public String dataCentre() {
                return dataCentre;
            }

            @Override
            public Duration tokenLifetime() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }
        }, service);
    }

    /** A key of the right shape that the service under test does not share. */
    public static String otherKey() {
        return newKey();
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
