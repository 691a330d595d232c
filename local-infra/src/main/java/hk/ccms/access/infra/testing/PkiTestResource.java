package hk.ccms.access.infra.testing;

import hk.ccms.access.infra.pki.PkiFiles;
import hk.ccms.access.infra.pki.TestPki;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A test PKI for auth-service's smartcard login in its {@code @QuarkusTest}s: trust anchor, CRL file and required
 * card policy, and HTTPS with a server certificate for {@code localhost} whose server asks for (does not require)
 * client certificates, for the mTLS login. Tests issue and revoke cards through {@link #pki()} and put a changed CRL
 * where the service reads it with {@link #rewriteCrl()}.
 * <p>
 * {@code quarkus.http.ssl.client-auth} is fixed when the application is built, so a test resource cannot set it:
 * the service's {@code application.properties} must say {@code quarkus.http.ssl.client-auth=request} (no effect
 * without HTTPS). The HTTPS port is random; tests reach it with {@code @TestHTTPResource(tls = true)}.
 */
public class PkiTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestPki pki;
    private static volatile PkiFiles files;

    /** The running PKI: {@code issueCard}, {@code revoke}, {@code expiredCard}, {@code untrustedCard}, ... */
    public static TestPki pki() {
        return pki;
    }

    public static PkiFiles files() {
        return files;
    }

    /** Writes the current CRLs (with every card revoked so far) over the file the service reads. */
    public static void rewriteCrl() {
        pki.writeCrl(files.crl());
    }

    /** Writes CRLs with chosen dates, e.g. a {@code nextUpdate} in the past for a stale CRL. */
    public static void rewriteCrl(Instant thisUpdate, Instant nextUpdate) {
        pki.writeCrl(files.crl(), thisUpdate, nextUpdate);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("ccms-test-pki-");
            byte[] password = new byte[18];
            new SecureRandom().nextBytes(password);
            pki = TestPki.generate();
            files = pki.write(directory, Base64.getUrlEncoder().encodeToString(password));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("ccms.auth.smartcard.trust-anchors", files.trustAnchors().toString()),
                Map.entry("ccms.auth.smartcard.intermediates", files.cardCa().toString()),
                Map.entry("ccms.auth.smartcard.crl-sources", files.crl().toString()),
                Map.entry("ccms.auth.smartcard.required-policy", TestPki.CARD_POLICY_OID),
                Map.entry("quarkus.http.ssl.certificate.key-store-file", files.serverKeyStore().toString()),
                Map.entry("quarkus.http.ssl.certificate.key-store-file-type", "PKCS12"),
                Map.entry("quarkus.http.ssl.certificate.key-store-password", files.storePassword()),
                Map.entry("quarkus.http.ssl.certificate.trust-store-file", files.clientTrustStore().toString()),
                Map.entry("quarkus.http.ssl.certificate.trust-store-file-type", "PKCS12"),
                Map.entry("quarkus.http.ssl.certificate.trust-store-password", files.storePassword()),
                Map.entry("quarkus.http.insecure-requests", "enabled"),
                Map.entry("quarkus.http.test-ssl-port", "0"));
    }

    @Override
    public void stop() {
        if (files == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(files.directory())) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
