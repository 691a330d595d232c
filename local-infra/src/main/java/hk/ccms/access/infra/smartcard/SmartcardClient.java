package hk.ccms.access.infra.smartcard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The person's side of a smartcard login against auth-service, over plain HTTP (no Quarkus), for tests and the CLI:
 * ask for a challenge, have the card sign it, send user ID, password, chain and signature; or present the card as
 * the TLS client certificate ({@link CardTls}) and send user ID and password.
 * <p>
 * The {@code HttpResponse}-returning methods never judge the answer, so that tests can assert refusals;
 * {@link #loginForToken} is the happy path.
 */
public final class SmartcardClient {

    public static final String CHALLENGE_PATH = "/api/v1/login/smartcard/challenge";
    public static final String LOGIN_PATH = "/api/v1/login/smartcard";
    public static final String MTLS_LOGIN_PATH = "/api/v1/login/smartcard/mtls";
    /** First line of every signed message: a card signature made for anything else can never pass as a login. */
    public static final String MESSAGE_PREFIX = "CCMS-SMARTCARD-LOGIN";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient http;

    /** A client for {@code base} (e.g. {@code http://127.0.0.1:8081}) without a client certificate. */
    public SmartcardClient(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A client over {@code http}, e.g. one from {@link CardTls} that presents a card for {@link #loginMtls}. */
    public SmartcardClient(String base, HttpClient http) {
        this.base = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.http = http;
    }

    /** A challenge as auth-service issues it: {@code challenge} is base64url (no padding) of 32 random bytes. */
    public record Challenge(String challengeId, String challenge, Instant expiresAt) {
    }

    /** The body of {@code POST /api/v1/login/smartcard}; a test may alter any field before sending it. */
    public record LoginRequest(String challengeId, String userId, String password, String function,
                               List<String> certificateChain, String signatureAlgorithm, String signature) {

        /** Has the card sign {@code challenge} and fills in the rest. */
        public static LoginRequest signed(Challenge challenge, String userId, String password, String function, CardSigner card) {
            byte[] signature = card.sign(signedMessage(challenge.challengeId(), challenge.challenge()));
            return new LoginRequest(challenge.challengeId(), userId, password, function, encode(card.chain()),
                    card.algorithm().name(), Base64.getEncoder().encodeToString(signature));
        }
    }

    /** The body of {@code POST /api/v1/login/smartcard/mtls}: the card is the TLS client certificate. */
    private record MtlsLogin(String userId, String password, String function) {
    }

    /** A login that did not end with a token: the status and body (problem+json) auth-service answered. */
    public static final class LoginRefusedException extends RuntimeException {

        private final int status;
        private final String body;

        public LoginRefusedException(int status, String body) {
            super("Smartcard login refused: HTTP " + status + " " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /**
     * The exact bytes a card signs for a login: UTF-8 of {@code "CCMS-SMARTCARD-LOGIN\n" + challengeId + "\n" +
     * challenge}. The one definition of the message; auth-service builds the same bytes to verify.
     */
    public static byte[] signedMessage(String challengeId, String challenge) {
        return (MESSAGE_PREFIX + "\n" + challengeId + "\n" + challenge).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code POST .../challenge} as it came back (201 with a {@link Challenge} when all is well). */
    public HttpResponse<String> requestChallenge() {
        return send(HttpRequest.newBuilder(base.resolve(CHALLENGE_PATH)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A new challenge; throws unless auth-service answered 201. */
    public Challenge challenge() {
        HttpResponse<String> response = requestChallenge();
        if (response.statusCode() != 201) {
            throw new LoginRefusedException(response.statusCode(), response.body());
        }
        return read(response.body(), Challenge.class);
    }

    /** Sends a login request as it is. */
    public HttpResponse<String> login(LoginRequest request) {
        return postJson(LOGIN_PATH, request);
    }

    /** Fetches a challenge, has the card sign it and logs in; the response as it came back. */
    public HttpResponse<String> login(String userId, String password, String function, CardSigner card) {
        return login(LoginRequest.signed(challenge(), userId, password, function, card));
    }

    /** Logs in with the card this client's TLS connection presents (see {@link CardTls}). */
    public HttpResponse<String> loginMtls(String userId, String password, String function) {
        return postJson(MTLS_LOGIN_PATH, new MtlsLogin(userId, password, function));
    }

    /** The access token of a challenge-response login; throws {@link LoginRefusedException} otherwise. */
    public String loginForToken(String userId, String password, String function, CardSigner card) {
        return accessToken(login(userId, password, function, card));
    }

    /** The {@code accessToken} of a 200 token response; throws {@link LoginRefusedException} for anything else. */
    public static String accessToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new LoginRefusedException(response.statusCode(), response.body());
        }
        JsonNode token = read(response.body(), JsonNode.class).path("accessToken");
        if (!token.isTextual()) {
            throw new LoginRefusedException(response.statusCode(), response.body());
        }
        return token.asText();
    }

    /** Standard (padded) base64 of each certificate's DER, in the order given (leaf first). */
    public static List<String> encode(List<X509Certificate> chain) {
        return chain.stream().map(certificate -> {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException(e);
            }
        }).toList();
    }

    private HttpResponse<String> postJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept", "application/json, application/problem+json").timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer from " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("Unexpected answer: " + body, e);
        }
    }
}
