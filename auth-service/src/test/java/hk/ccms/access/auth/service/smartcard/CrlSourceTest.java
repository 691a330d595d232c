package hk.ccms.access.auth.service.smartcard;

import com.sun.net.httpserver.HttpServer;
import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CRLs come from files or from a distribution point over HTTP, PEM or DER. */
class CrlSourceTest {

    @Test
    void aCrlIsReadFromAFileAndFromAnHttpDistributionPoint(@TempDir Path directory) throws Exception {
        TestPki pki = TestPki.generate();
        pki.revoke(pki.issueCard("CRL-TEST", KeyAlgorithm.RSA_2048, Duration.ofDays(1)).certificate());
        Path file = directory.resolve("crl.pem");
        pki.writeCrl(file);
        List<X509CRL> fromFile = CrlStore.read(file.toString());
        assertThat(fromFile).hasSize(2);

        X509CRL cardCaCrl = pki.crl(Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        HttpServer distributionPoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        distributionPoint.createContext("/card-ca.crl", exchange -> {
            byte[] der;
            try {
                der = cardCaCrl.getEncoded();
            } catch (CRLException e) {
                throw new IOException(e);
            }
            exchange.sendResponseHeaders(200, der.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(der);
            }
        });
        distributionPoint.start();
        try {
            String url = "http://127.0.0.1:" + distributionPoint.getAddress().getPort();
            List<X509CRL> fromHttp = CrlStore.read(url + "/card-ca.crl");
            assertThat(fromHttp).singleElement().satisfies(crl -> {
                assertThat(crl.getIssuerX500Principal()).isEqualTo(TestPki.CARD_CA_NAME);
                assertThat(crl.getRevokedCertificates()).hasSize(1);
            });
            assertThatThrownBy(() -> CrlStore.read(url + "/missing.crl")).isInstanceOf(IOException.class);
        } finally {
            distributionPoint.stop(0);
        }
        Files.writeString(file, "not a CRL");
        assertThatThrownBy(() -> CrlStore.read(file.toString())).isNotNull();
    }
}
