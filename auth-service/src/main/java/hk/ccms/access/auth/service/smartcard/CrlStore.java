package hk.ccms.access.auth.service.smartcard;

import hk.ccms.access.auth.config.AuthConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificate revocation lists of the card issuers, read from files or distribution-point
 * URLs at start-up and on a schedule. A source that cannot be read keeps its last good CRLs (a
 * CRL carries its own validity; staleness is judged where it is used). CRLs are matched to
 * certificates by issuer name and must verify with the issuer's key there.
 */
@ApplicationScoped
public class CrlStore {

    private static final Logger LOG = Logger.getLogger(CrlStore.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> sources;
    private final Map<String, List<X509CRL>> bySource = new ConcurrentHashMap<>();

    public CrlStore(AuthConfig config) {
        this.sources = config.smartcard().crlSources().orElse(List.of());
    }

    @PostConstruct
    void load() {
        refresh();
    }

    @Scheduled(every = "${ccms.auth.smartcard.crl-refresh-interval}", delayed = "${ccms.auth.smartcard.crl-refresh-interval}")
    public void refresh() {
        for (String source : sources) {
            try {
                bySource.put(source, read(source));
            } catch (IOException | GeneralSecurityException | RuntimeException failed) {
                LOG.warnf("CRL source %s could not be read (%s); keeping the last good CRLs", source, failed.getClass().getSimpleName());
            }
        }
    }

    /** The CRLs issued by {@code issuer}, newest thisUpdate first. */
    public List<X509CRL> issuedBy(X500Principal issuer) {
        List<X509CRL> matching = new ArrayList<>();
        for (List<X509CRL> crls : bySource.values()) {
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(issuer)) {
                    matching.add(crl);
                }
            }
        }
        matching.sort((a, b) -> b.getThisUpdate().compareTo(a.getThisUpdate()));
        return matching;
    }

    static List<X509CRL> read(String source) throws IOException, GeneralSecurityException {
        byte[] bytes = source.startsWith("http://") || source.startsWith("https://") ? download(source) : Files.readAllBytes(Path.of(source));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Collection<? extends CRL> crls;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            crls = factory.generateCRLs(in);
        }
        List<X509CRL> result = new ArrayList<>();
        for (CRL crl : crls) {
            result.add((X509CRL) crl);
        }
        return result;
    }

    private static byte[] download(String url) throws IOException {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
