package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Initiation;
import hk.ccms.access.auth.service.InitiationStore;
import hk.ccms.access.auth.service.TokenIssuer;
import hk.ccms.access.auth.service.smartcard.CardRegistry;
import hk.ccms.access.common.web.BrowserSession;
import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.Pem;
import hk.ccms.access.infra.smartcard.CardSigner;
import hk.ccms.access.infra.smartcard.SignatureAlgorithm;
import hk.ccms.access.infra.smartcard.SmartcardClient;
import hk.ccms.access.infra.testing.PkiTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The pages' session: the token in an HttpOnly cookie, a CSRF token for every change made with it,
 * an idle timeout, and the headers every page is served with.
 */
@QuarkusTest
class BrowserSessionTest {

    private static final String IDLE_TIMEOUT_SECONDS = "600";

    @Inject
    TestAccounts accounts;

    @Inject
    CardRegistry cards;

    @Inject
    InitiationStore initiations;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/")
    URL http;

    private static ValidatableResponse ccmsSessionWithCookie(String token) {
        return given().cookie(BrowserSession.SESSION_COOKIE, token).get("/api/v1/ccms/session").then();
    }

    private static ValidatableResponse logoutWithCookie(String token, String csrfHeader) {
        var request = given().cookie(BrowserSession.SESSION_COOKIE, token).cookie(BrowserSession.CSRF_COOKIE, BrowserSession.csrfToken(token));
        if (csrfHeader != null) {
            request.header(BrowserSession.CSRF_HEADER, csrfHeader);
        }
        return request.post("/api/v1/session/logout").then();
    }

    private static String setCookie(ExtractableResponse<Response> response, String name) {
        return response.headers().getValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + response.headers()));
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void aSignInCanHandItsTokenToTheBrowserOnlyAsAnHttpOnlyCookie() throws Exception {
        Card card = PkiTestResource.pki().issueCard("SC-COOKIE", KeyAlgorithm.EC_P256, Duration.ofDays(30));
        Account account = accounts.enrolledUser("CP0001");
        cards.register("test", account.userId, Pem.encode(card.chain()), false);
        SmartcardClient client = new SmartcardClient(http.toString());
        SmartcardClient.LoginRequest signed = SmartcardClient.LoginRequest.signed(client.challenge(), account.userId, TestAccounts.PASSWORD,
                "ONLINE_FUNCTIONS", CardSigner.of(card, SignatureAlgorithm.ES256));
        Map<String, Object> body = new HashMap<>(Map.of("challengeId", signed.challengeId(), "userId", signed.userId(),
                "password", signed.password(), "function", signed.function(), "certificateChain", signed.certificateChain(),
                "signatureAlgorithm", signed.signatureAlgorithm(), "signature", signed.signature()));
        body.put("tokenDelivery", "COOKIE");

        ExtractableResponse<Response> answer = given().contentType(ContentType.JSON).body(body).post(SmartcardClient.LOGIN_PATH)
                .then().statusCode(200)
                .body("accessToken", nullValue())
                .body("tokenType", equalTo("Cookie"))
                .body("expiresIn", equalTo(900))
                .extract();

        String session = setCookie(answer, BrowserSession.SESSION_COOKIE);
        assertThat(session).contains("Path=/", "Max-Age=900", "Secure", "HttpOnly", "SameSite=Strict").doesNotContain("Domain");
        String csrf = setCookie(answer, BrowserSession.CSRF_COOKIE);
        assertThat(csrf).contains("Path=/", "Secure", "SameSite=Strict").doesNotContain("HttpOnly");
        String token = cookieValue(session);
        assertThat(cookieValue(csrf)).isEqualTo(BrowserSession.csrfToken(token));

        ccmsSessionWithCookie(token).statusCode(200)
                .body("userId", equalTo(account.userId))
                .body("authenticationMethods", equalTo(List.of("pwd", "sc")))
                .body("idleTimeoutSeconds", equalTo(Integer.parseInt(IDLE_TIMEOUT_SECONDS)));
    }

    @Test
    void aCookieSessionChangesNothingWithoutItsOwnCsrfToken() {
        Account account = accounts.enrolledUser("CP0001");
        String token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS).token();
        String otherSessionsCsrf = BrowserSession.csrfToken(accounts.login(account, PortalFunction.ONLINE_FUNCTIONS).token());

        assertProblem(logoutWithCookie(token, null), 403, "csrf-rejected");
        assertProblem(logoutWithCookie(token, otherSessionsCsrf), 403, "csrf-rejected");
        assertProblem(logoutWithCookie(token, ""), 403, "csrf-rejected");
        ccmsSessionWithCookie(token).statusCode(200);

        ExtractableResponse<Response> loggedOut = logoutWithCookie(token, BrowserSession.csrfToken(token)).statusCode(204).extract();
        assertThat(setCookie(loggedOut, BrowserSession.SESSION_COOKIE)).contains("Max-Age=0");
        assertThat(setCookie(loggedOut, BrowserSession.CSRF_COOKIE)).contains("Max-Age=0");
        assertProblem(ccmsSessionWithCookie(token), 401, "unauthenticated");
    }

    @Test
    void aBearerTokenNeedsNoCsrfTokenAndACookieCannotStandInForTheWrongPortal() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken ccms = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        assertProblem(given().cookie(BrowserSession.SESSION_COOKIE, ccms.token()).get("/api/v1/dms/session").then(), 401, "unauthenticated");
        assertProblem(given().cookie(BrowserSession.SESSION_COOKIE, "not-a-token").get("/api/v1/ccms/session").then(), 401, "unauthenticated");
        given().header("Authorization", "Bearer " + ccms.token()).post("/api/v1/session/logout").then().statusCode(204);
    }

    @Test
    void everyAuthenticatedCallKeepsTheSessionAndAnIdleOneEnds() throws Exception {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        String key = "auth:session:" + sessionIdOf(token.token());
        assertThat(redis.key(String.class).ttl(key)).isBetween(590L, 600L);

        redis.key(String.class).expire(key, 30);
        ccmsSessionWithCookie(token.token()).statusCode(200);
        assertThat(redis.key(String.class).ttl(key)).isBetween(590L, 600L);

        redis.key(String.class).expire(key, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> !redis.key(String.class).exists(key));
        assertProblem(ccmsSessionWithCookie(token.token()), 401, "unauthenticated");
    }

    private static String sessionIdOf(String token) throws InvalidJwtException, MalformedClaimException {
        return new JwtConsumerBuilder().setSkipSignatureVerification().setSkipDefaultAudienceValidation().build()
                .processToClaims(token).getStringClaimValue(TokenIssuer.CLAIM_SESSION);
    }

    @Test
    void theNewPasswordIsCheckedRuleByRuleOnlyOnceTheActivationCodeIsProven() {
        Account account = accounts.notInitiatedUser(TestAccounts.newParticipant());
        String id = UUID.randomUUID().toString().replace("-", "");
        String path = "/api/v1/initiation/" + id + "/password-check";
        initiations.save(id, new Initiation(id, account.id, account.userId, account.email, null, null, null, null), Duration.ofMinutes(5));
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("newPassword", "x")).post(path).then(), 409, "initiation-step-out-of-order");

        initiations.save(id, new Initiation(id, account.id, account.userId, account.email, Instant.now().plusSeconds(600), null, null, null),
                Duration.ofMinutes(5));
        assertThat(failedRules(path, "password1234")).containsExactly("NOT_COMMON");
        assertThat(failedRules(path, "Tram-9Q")).containsExactly("MIN_LENGTH");
        assertThat(failedRules(path, "Kowloon-" + account.userId.toLowerCase() + "-Ferry")).containsExactly("NOT_PERSONAL");
        assertThat(failedRules(path, "Kowloon-Ferry-Sunrise-7")).isEmpty();
        assertThat(initiations.find(id)).isPresent();
    }

    private static List<String> failedRules(String path, String candidate) {
        List<Map<String, Object>> rules = given().contentType(ContentType.JSON).body(Map.of("newPassword", candidate)).post(path)
                .then().statusCode(200).extract().jsonPath().getList("rules");
        assertThat(rules).hasSize(5);
        return rules.stream().filter(rule -> !(Boolean) rule.get("met")).map(rule -> (String) rule.get("rule")).toList();
    }

    @Test
    void pagesAreServedWithHeadersThatKeepScriptsAndFramesOut() {
        for (String page : List.of("/", "/login.html", "/setup.html", "/ccms/", "/ccms/function.html", "/assets/ccms.js", "/assets/ccms.css")) {
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().get("/.well-known/jwks.json").then().statusCode(200).header("Cache-Control", "public, max-age=300");
        given().get("/q/swagger-ui/index.html").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Frame-Options", "DENY");
        given().get("/api/v1/web/settings").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("dataCentre", equalTo("PDC"))
                .body("operationsConsoleUrl", equalTo("http://127.0.0.1:8083/console/"))
                .body("idleTimeoutSeconds", equalTo(Integer.parseInt(IDLE_TIMEOUT_SECONDS)));
    }
}
