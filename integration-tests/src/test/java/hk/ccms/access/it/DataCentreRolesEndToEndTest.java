package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.Map;

import static hk.ccms.access.it.Logins.assertProblem;
import static hk.ccms.access.it.Logins.fullLogin;
import static hk.ccms.access.it.RunningDataCentre.PASSWORD;
import static hk.ccms.access.it.RunningDataCentre.loadUser;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Both data centres of the pair as real processes: only the one holding the epoch takes logins and writes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataCentreRolesEndToEndTest {

    @Test
    @Order(1)
    void theStandbyRefusesLoginsAndWritesNamingTheActiveDataCentreWhileReadsWork() {
        DataCentre standby = sdc();
        given().baseUri(standby.datacentreStateUrl()).get("/api/v1/datacentre").then().statusCode(200)
                .body("dataCentre.id", equalTo("SDC")).body("state.activeDc", equalTo("PDC")).body("thisDcIsActive", equalTo(false));

        assertProblem(given().baseUri(standby.authUrl()).contentType(ContentType.JSON)
                .body(Map.of("userId", "ALICE01", "password", PASSWORD, "function", "ONLINE_FUNCTIONS"))
                .post("/api/v1/login/password").then(), 503, "standby")
                .body("activeDataCentre", equalTo("PDC"))
                .body("detail", containsString("SDC")).header("Retry-After", notNullValue());
        assertProblem(given().baseUri(standby.authUrl()).contentType(ContentType.JSON).body(Map.of("userId", "FIONA01"))
                .post("/api/v1/initiation").then(), 503, "standby");
        assertProblem(given().baseUri(standby.authUrl()).post("/api/v1/login/smartcard/challenge").then(), 503, "standby");

        given().baseUri(standby.authUrl()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'datacentre-state' }.data.active", equalTo(false));
        given().baseUri(standby.authUrl()).get("/.well-known/jwks.json").then().statusCode(200);

        given().baseUri(pdc().authUrl()).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'datacentre-state' }.data.active", equalTo(true));
        pairLogin(loadUser(30));
    }

    @Test
    @Order(2)
    void whileATestSessionIsOpenLoginWorksButBusinessFunctionsAnswerFunctionNotAvailable() {
        String operator = operatorToken();
        operatorCall(operator, "/sessions/SESSION_1/open", Map.of("reason", "connectivity test rehearsal")).statusCode(200)
                .body("state.session.name", equalTo("SESSION_1")).body("state.businessFunctionsAvailable", equalTo(false));
        try {
            String user = pairLogin(loadUser(31));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertProblem(given().baseUri(pdc().authUrl()).auth().oauth2(user).get("/api/v1/ccms/home").then(),
                            503, "function-not-available").body("detail", containsString("SESSION_1")));
        } finally {
            operatorCall(operator, "/sessions/close", Map.of("reason", "rehearsal over")).statusCode(200);
        }
        String user = pairLogin(loadUser(32));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().baseUri(pdc().authUrl()).auth().oauth2(user).get("/api/v1/ccms/home").then().statusCode(200));
    }

    @Test
    @Order(3)
    void afterASwitchOverAwayThePrimaryIsTheStandbyUntilItIsSwitchedBack() {
        String operator = operatorToken();
        operatorCall(operator, "/switch-over", Map.of("targetDc", "SDC", "reason", "planned switch-over drill")).statusCode(200)
                .body("state.activeDc", equalTo("SDC"));
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertProblem(Logins.passwordStep(pdc(), loadUser(33), PASSWORD, "ONLINE_FUNCTIONS"), 503, "standby")
                            .body("activeDataCentre", equalTo("SDC")));
        } finally {
            // Only the active data centre takes a switch-over: back from SDC, by an operator signed in there.
            given().baseUri(sdc().datacentreStateUrl()).auth().oauth2(DataCentreOperations.operatorToken(sdc()))
                    .contentType(ContentType.JSON).body(Map.of("targetDc", "PDC", "reason", "drill over"))
                    .post("/api/v1/operations/datacentre/switch-over").then().statusCode(200)
                    .body("state.activeDc", equalTo("PDC"));
        }
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> pairLogin(loadUser(33)));
    }

    private static String operatorToken() {
        return DataCentreOperations.operatorToken(pdc());
    }

    private static String pairLogin(String userId) {
        return fullLogin(pdc(), userId, PASSWORD, "ONLINE_FUNCTIONS", RunningDataCentre.emailOf(userId));
    }

    private static ValidatableResponse operatorCall(String token, String path, Map<String, Object> body) {
        return given().baseUri(pdc().datacentreStateUrl()).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/operations/datacentre" + path).then();
    }

    /** Last: it stops the secondary's datacentre-state, then starts it again for the tests that follow. */
    @Test
    @Order(4)
    void withoutAFreshStateFromItsDatacentreStateAnInstanceFailsClosed() {
        DataCentre standby = sdc();
        standby.killService(DataCentre.DATACENTRE_STATE);
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertProblem(given().baseUri(standby.authUrl()).contentType(ContentType.JSON)
                        .body(Map.of("userId", "ALICE01", "password", PASSWORD, "function", "ONLINE_FUNCTIONS"))
                        .post("/api/v1/login/password").then(), 503, "datacentre-state-unknown");
                given().baseUri(standby.authUrl()).get("/q/health/ready").then().statusCode(503);
            });
        } finally {
            standby.restartService(DataCentre.DATACENTRE_STATE);
        }
        DataCentreOperations.awaitActive("PDC");
    }
}
