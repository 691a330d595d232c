package hk.ccms.access.it;

import hk.ccms.access.infra.launcher.DataCentre;
import hk.ccms.access.infra.pki.Card;
import hk.ccms.access.infra.smartcard.CardSigner;
import hk.ccms.access.infra.smartcard.SmartcardClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import static hk.ccms.access.it.RunningDataCentrePair.linkAuthorization;
import static hk.ccms.access.it.RunningDataCentrePair.pdc;
import static hk.ccms.access.it.RunningDataCentrePair.sdc;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What an operator and the tests do with the pair of data centres: sign in to a data centre's
 * operations console, act on its datacentre-state, read its state and its replication status.
 */
final class DataCentreOperations {

    static final String OPERATOR = "OPS01";
    static final String OPERATOR_EMAIL = "ops01@clearing.example";

    private DataCentreOperations() {
    }

    /** OPS01's operations-console token from {@code dc}'s auth-service (codes from {@code dc}'s mail server). */
    static String operatorToken(DataCentre dc) {
        return Logins.fullLogin(dc, OPERATOR, RunningDataCentre.PASSWORD, "OPERATIONS_CONSOLE", OPERATOR_EMAIL);
    }

    /** POST to {@code dc}'s operator API ({@code /api/v1/operations/datacentre} + {@code path}). */
    static ValidatableResponse operatorCall(DataCentre dc, String token, String path, Map<String, ?> body) {
        return given().baseUri(dc.datacentreStateUrl()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(body).post("/api/v1/operations/datacentre" + path).then();
    }

    static ValidatableResponse operatorRead(DataCentre dc, String token, String path) {
        return given().baseUri(dc.datacentreStateUrl()).header("Authorization", "Bearer " + token)
                .get("/api/v1/operations/datacentre" + path).then();
    }

    /** {@code dc}'s public status. */
    static JsonPath state(DataCentre dc) {
        return given().baseUri(dc.datacentreStateUrl()).get("/api/v1/datacentre").then().statusCode(200).extract().jsonPath();
    }

    /** {@code dc}'s auth-service replication status (fence, backlog, lag, digest) over the data-centre link. */
    static JsonPath replication(DataCentre dc) {
        return replication(dc, Duration.ofMinutes(10));
    }

    /** The same, with the replication lag over the changes shipped in the last {@code lagWindow}. */
    static JsonPath replication(DataCentre dc, Duration lagWindow) {
        return given().baseUri(dc.authUrl()).header("Authorization", linkAuthorization("auth-service"))
                .queryParam("lagWindowSeconds", Math.max(1, lagWindow.toSeconds()))
                .get("/internal/v1/replication/status").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until both data centres say {@code activeDc} is active and their auth-services follow. */
    static void awaitActive(String activeDc) {
        DataCentre active = activeDc.equals("PDC") ? pdc() : sdc();
        DataCentre standby = activeDc.equals("PDC") ? sdc() : pdc();
        await("both data centres know " + activeDc + " is active").atMost(Duration.ofSeconds(30)).until(() ->
                state(active).getBoolean("thisDcIsActive") && !state(standby).getBoolean("thisDcIsActive")
                        && activeDc.equals(state(standby).getString("state.activeDc"))
                        && replication(active).getBoolean("writable") && !replication(standby).getBoolean("writable"));
    }

    /** Waits until both data centres hold the same replicated account state; returns its digest. */
    static String awaitSameState() {
        String[] digest = new String[1];
        await("both data centres hold the same accounts").atMost(Duration.ofSeconds(30)).until(() -> {
            String primary = replication(pdc()).getString("digest");
            digest[0] = primary;
            return primary.equals(replication(sdc()).getString("digest"));
        });
        return digest[0];
    }

    /** Appends a measurement to {@code target/replication-report.txt} (and prints it). */
    static void report(String text) throws IOException {
        System.out.print(text);
        Files.writeString(Path.of("target", "replication-report.txt"), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A challenge-response smartcard login at {@code dc} with the demo card of {@code userId}. */
    static SmartcardLogin smartcardLogin(DataCentre dc, String userId, String password, String function) {
        CardSigner card = CardSigner.of(Card.read(dc.pki().cards(), userId));
        var response = new SmartcardClient(dc.authUrl()).login(userId, password, function, card);
        return new SmartcardLogin(response.statusCode(), response.body());
    }

    record SmartcardLogin(int status, String body) {
        String accessToken() {
            return JsonPath.from(body).getString("accessToken");
        }
    }
}
