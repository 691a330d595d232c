package hk.ccms.access.datacentre.operations;

import hk.ccms.access.common.web.BrowserSession;
import hk.ccms.access.datacentre.testing.AuthServiceStub;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static hk.ccms.access.datacentre.testing.OperatorApi.OPERATIONS;
import static hk.ccms.access.datacentre.testing.OperatorApi.assertProblem;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static hk.ccms.access.datacentre.testing.OperatorApi.reasonBody;
import static hk.ccms.access.datacentre.testing.OperatorApi.switchBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations console's browser session: the access token in the {@code __Host-ccms-session}
 * cookie opens the operator API as a bearer token does, but only with the session's CSRF token on
 * anything that changes something; the console reads the session and signs out through this service.
 */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class BrowserSessionTest {

    private static final String SESSION = "/api/v1/console/session";
    private static final String LOGOUT = SESSION + "/logout";

    /** Every operator endpoint that changes something, called with a request that would otherwise be valid. */
    private static final List<Function<RequestSpecification, ValidatableResponse>> UNSAFE = List.of(
            request -> request.contentType(ContentType.JSON).body(switchBody("SDC", "drill")).post(OPERATIONS + "/switch-over").then(),
            request -> request.contentType(ContentType.JSON).body(switchBody("PDC", "drill")).post(OPERATIONS + "/fail-over").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill")).post(OPERATIONS + "/sessions/SESSION_1/open").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill")).post(OPERATIONS + "/sessions/close").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill")).post(OPERATIONS + "/quarantine/7/reapply").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill")).post(OPERATIONS + "/quarantine/7/drop").then(),
            request -> request.post(OPERATIONS + "/approvals/1/approve").then(),
            request -> request.contentType(ContentType.JSON).body(reasonBody("drill")).post(OPERATIONS + "/approvals/1/reject").then(),
            request -> request.post(LOGOUT).then());

    private final String operator = OperatorTokens.of(OperatorTokens.OPERATOR);

    @BeforeEach
    void normalProduction() {
        normalProductionAtPdc(operator);
        AuthServiceStub.running().quarantine(7, "ALICE01");
    }

    @AfterEach
    void behavingAuthService() {
        AuthServiceStub.running().reset();
    }

    private static RequestSpecification withCookie(String token) {
        return given().cookie(BrowserSession.SESSION_COOKIE, token).accept(ContentType.JSON);
    }

    private static RequestSpecification withCookieAndCsrf(String token, String csrf) {
        return withCookie(token).cookie(BrowserSession.CSRF_COOKIE, csrf).header(BrowserSession.CSRF_HEADER, csrf);
    }

    @Test
    void theSessionCookieOpensTheOperatorApiForReadsAndAuthServiceIsAskedWithItsToken() {
        int checksBefore = AuthServiceStub.running().presentedAuthorizations().size();

        withCookie(operator).when().get(OPERATIONS).then().statusCode(200)
                .body("dataCentre.id", is("PDC"))
                .body("state.activeDc", is("PDC"));
        withCookie(operator).when().get(OPERATIONS + "/replication").then().statusCode(200);
        withCookie(operator).when().get(OPERATIONS + "/quarantine").then().statusCode(200);
        withCookie(operator).when().get(OPERATIONS + "/approvals").then().statusCode(200);

        List<String> checks = AuthServiceStub.running().presentedAuthorizations();
        assertEquals(checksBefore + 4, checks.size());
        assertEquals("Bearer " + operator, checks.get(checks.size() - 1));
    }

    @Test
    void withTheCookieEveryChangeWithoutTheCsrfTokenIsRefusedBeforeAnythingHappens() {
        long version = version();
        int checksBefore = AuthServiceStub.running().presentedAuthorizations().size();
        int decisionsBefore = AuthServiceStub.running().quarantineDecisions().size();
        int logoutsBefore = AuthServiceStub.running().logoutAuthorizations().size();

        for (Function<RequestSpecification, ValidatableResponse> endpoint : UNSAFE) {
            assertProblem(endpoint.apply(withCookie(operator)), 403, "csrf-rejected");
            // The CSRF cookie alone is what another site's request carries too: not enough.
            assertProblem(endpoint.apply(withCookie(operator).cookie(BrowserSession.CSRF_COOKIE, BrowserSession.csrfToken(operator))),
                    403, "csrf-rejected");
            assertProblem(endpoint.apply(withCookie(operator).header(BrowserSession.CSRF_HEADER, "")), 403, "csrf-rejected");
        }

        assertEquals(checksBefore, AuthServiceStub.running().presentedAuthorizations().size(),
                "refused before auth-service was asked");
        assertEquals(version, version());
        assertEquals(decisionsBefore, AuthServiceStub.running().quarantineDecisions().size());
        assertEquals(logoutsBefore, AuthServiceStub.running().logoutAuthorizations().size());
        overview(operator).statusCode(200);
    }

    @Test
    void withTheCookieAndItsCsrfTokenAnOperatorActs() {
        long version = version();
        String csrf = BrowserSession.csrfToken(operator);

        withCookieAndCsrf(operator, csrf).contentType(ContentType.JSON)
                .body(Map.of("reason", "Rehearsal from the console", "expectedVersion", version))
                .when().post(OPERATIONS + "/sessions/SESSION_1/open")
                .then().statusCode(200)
                .body("state.session.name", is("SESSION_1"))
                .body("change.actor", is(OperatorTokens.OPERATOR))
                .body("change.reason", is("Rehearsal from the console"));

        withCookieAndCsrf(operator, csrf).contentType(ContentType.JSON)
                .body(reasonBody("Rehearsal over"))
                .when().post(OPERATIONS + "/sessions/close")
                .then().statusCode(200)
                .body("state.session", nullValue());

        withCookieAndCsrf(operator, csrf).contentType(ContentType.JSON)
                .body(reasonBody("Replayed by hand"))
                .when().post(OPERATIONS + "/quarantine/7/reapply")
                .then().statusCode(200)
                .body("entry.status", is("REAPPLIED"));
    }

    @Test
    void aCsrfTokenOfAnotherSessionIsRefused() {
        long version = version();
        int logoutsBefore = AuthServiceStub.running().logoutAuthorizations().size();
        String otherSession = OperatorTokens.of(OperatorTokens.OPERATOR);

        assertProblem(withCookieAndCsrf(operator, BrowserSession.csrfToken(otherSession)).contentType(ContentType.JSON)
                .body(reasonBody("drill")).when().post(OPERATIONS + "/sessions/SESSION_1/open").then(), 403, "csrf-rejected");
        assertProblem(withCookieAndCsrf(operator, BrowserSession.csrfToken(otherSession))
                .when().post(LOGOUT).then(), 403, "csrf-rejected");

        assertEquals(version, version());
        assertEquals(logoutsBefore, AuthServiceStub.running().logoutAuthorizations().size());
    }

    @Test
    void aBearerTokenNeedsNoCsrfToken() {
        long version = version();

        given().auth().oauth2(operator).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("reason", "Rehearsal by API", "expectedVersion", version))
                .when().post(OPERATIONS + "/sessions/SESSION_1/open")
                .then().statusCode(200)
                .body("state.session.name", is("SESSION_1"));
        given().auth().oauth2(operator).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(reasonBody("Rehearsal over"))
                .when().post(OPERATIONS + "/sessions/close")
                .then().statusCode(200);
    }

    @Test
    void withBothTheCookieDecidesAndStillNeedsItsCsrfToken() {
        // smallrye-jwt takes the cookie first when mp.jwt.token.header=Cookie; the bearer token is
        // only looked at without a cookie. So the cookie's session is the one checked, CSRF included.
        String cookieSession = OperatorTokens.of("OPS02");
        long version = version();

        withCookie(cookieSession).auth().oauth2(operator).when().get(SESSION).then().statusCode(200)
                .body("userId", is("OPS02"));
        assertProblem(withCookie(cookieSession).auth().oauth2(operator).contentType(ContentType.JSON)
                .body(reasonBody("drill")).when().post(OPERATIONS + "/sessions/SESSION_1/open").then(), 403, "csrf-rejected");

        assertEquals(version, version());
    }

    @Test
    void theSessionIsPassedOnAsAuthServiceReportsItWithOneCheck() {
        int checksBefore = AuthServiceStub.running().presentedAuthorizations().size();

        withCookie(operator).when().get(SESSION)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-cache"))
                .body("userId", is(OperatorTokens.OPERATOR))
                .body("participantId", nullValue())
                .body("role", is("OPERATOR"))
                .body("function", is("OPERATIONS_CONSOLE"))
                .body("authenticationMethods", contains("pwd", "otp"))
                .body("expiresAt", notNullValue())
                .body("idleTimeoutSeconds", is((int) AuthServiceStub.IDLE_TIMEOUT_SECONDS));
        given().auth().oauth2(operator).when().get(SESSION).then().statusCode(200).body("userId", is(OperatorTokens.OPERATOR));

        assertEquals(checksBefore + 2, AuthServiceStub.running().presentedAuthorizations().size());
    }

    @Test
    void theSessionOfARevokedOrMissingTokenIsUnauthenticated() {
        String loggedOut = OperatorTokens.of("OPS03");
        AuthServiceStub.running().revoke(OperatorTokens.sessionIdOf(loggedOut));

        assertProblem(withCookie(loggedOut).when().get(SESSION).then(), 401, "unauthenticated");
        assertProblem(given().when().get(SESSION).then(), 401, "unauthenticated");
        assertProblem(withCookie("not-a-jwt").when().get(SESSION).then(), 401, "unauthenticated");
    }

    @Test
    void logoutEndsTheSessionAtAuthServiceAndExpiresBothCookies() {
        String session = OperatorTokens.of("OPS04");
        withCookie(session).when().get(SESSION).then().statusCode(200);

        ValidatableResponse out = withCookieAndCsrf(session, BrowserSession.csrfToken(session)).when().post(LOGOUT)
                .then().statusCode(204);

        assertExpiresBothCookies(out.extract().headers().getValues("Set-Cookie"));
        List<String> logouts = AuthServiceStub.running().logoutAuthorizations();
        assertEquals("Bearer " + session, logouts.get(logouts.size() - 1));
        assertProblem(withCookie(session).when().get(SESSION).then(), 401, "unauthenticated");
        assertProblem(withCookie(session).when().get(OPERATIONS).then(), 401, "unauthenticated");
    }

    @Test
    void logoutWithABearerTokenNeedsNoCsrfToken() {
        String session = OperatorTokens.of("OPS05");

        given().auth().oauth2(session).when().post(LOGOUT).then().statusCode(204);

        assertProblem(overview(session), 401, "unauthenticated");
    }

    @Test
    void whenAuthServiceCannotEndTheSessionTheBrowserForgetsItAllTheSame() {
        String session = OperatorTokens.of("OPS06");
        AuthServiceStub.running().answerLogoutsWith(503);

        ValidatableResponse out = withCookieAndCsrf(session, BrowserSession.csrfToken(session)).when().post(LOGOUT).then();

        assertProblem(out, 503, "dependency-unavailable").header("Retry-After", notNullValue());
        assertExpiresBothCookies(out.extract().headers().getValues("Set-Cookie"));
    }

    private static void assertExpiresBothCookies(List<String> setCookies) {
        assertEquals(2, setCookies.size(), setCookies.toString());
        for (String name : List.of(BrowserSession.SESSION_COOKIE, BrowserSession.CSRF_COOKIE)) {
            String cookie = setCookies.stream().filter(value -> value.startsWith(name + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + setCookies));
            String lower = cookie.toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("max-age=0"), cookie);
            assertTrue(lower.contains("path=/"), cookie);
            assertTrue(lower.contains("secure"), cookie);
            assertTrue(lower.contains("samesite=strict"), cookie);
        }
    }

    private long version() {
        return overview(operator).statusCode(200).extract().<Number>path("version").longValue();
    }
}
