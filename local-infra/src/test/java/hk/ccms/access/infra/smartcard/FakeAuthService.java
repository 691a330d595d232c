package hk.ccms.access.infra.smartcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import hk.ccms.access.infra.pki.PkiFiles;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of auth-service's smartcard-login contract to test the client side against a real HTTP(S) server:
 * single-use challenges, the signature over {@link SmartcardClient#signedMessage}, the chain's leaf key, the demo
 * password, and the TLS client certificate for the mTLS login. It checks no certificate: that is auth-service's job.
 */
final class FakeAuthService implements AutoCloseable {

    static final String PASSWORD = "Harbour-View-2023";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String scheme;
    private final Map<String, String> challenges = new ConcurrentHashMap<>();

    private FakeAuthService(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext(SmartcardClient.CHALLENGE_PATH, this::challenge);
        server.createContext(SmartcardClient.MTLS_LOGIN_PATH, this::mtlsLogin);
        server.createContext(SmartcardClient.LOGIN_PATH, this::login);
        server.start();
    }

    static FakeAuthService http() throws IOException {
        return new FakeAuthService(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    /** HTTPS with the test PKI's server certificate, asking for (not requiring) a client certificate it trusts. */
    static FakeAuthService https(PkiFiles pki) throws Exception {
        char[] password = pki.storePassword().toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
        keys.init(load(pki.serverKeyStore(), password), password);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(load(pki.clientTrustStore(), password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        return new FakeAuthService(server, "https");
    }

    String url() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void challenge(HttpExchange exchange) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String id = UUID.randomUUID().toString();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        challenges.put(id, challenge);
        respond(exchange, 201, Map.of("challengeId", id, "challenge", challenge, "expiresAt", Instant.now().plusSeconds(120).toString()));
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String challenge = challenges.remove(request.path("challengeId").asText());
        try {
            X509Certificate leaf = certificate(request.path("certificateChain").path(0).asText());
            SignatureAlgorithm algorithm = SignatureAlgorithm.valueOf(request.path("signatureAlgorithm").asText());
            byte[] signature = Base64.getDecoder().decode(request.path("signature").asText());
            if (challenge != null && PASSWORD.equals(request.path("password").asText())
                    && algorithm.verify(leaf.getPublicKey(), SmartcardClient.signedMessage(request.path("challengeId").asText(), challenge), signature)) {
                respond(exchange, 200, Map.of("accessToken", "sc-" + request.path("userId").asText() + "-" + algorithm, "tokenType", "Bearer"));
                return;
            }
        } catch (Exception malformed) {
            // refused below like any other failure
        }
        refuse(exchange);
    }

    private void mtlsLogin(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        try {
            X509Certificate presented = (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
            if (PASSWORD.equals(request.path("password").asText())) {
                respond(exchange, 200, Map.of("accessToken", "mtls-" + presented.getSubjectX500Principal().getName()));
                return;
            }
        } catch (SSLPeerUnverifiedException noCard) {
            // refused below
        }
        refuse(exchange);
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        respond(exchange, 401, Map.of("type", "urn:ccms:problem:smartcard-login-failed", "status", 401));
    }

    private static X509Certificate certificate(String base64) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyStore load(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
