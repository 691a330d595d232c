package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of 2FA initiation that do not need otp-service (the flow itself, with real codes from
 * the real SMTP server and SMPP peer, is in integration-tests).
 */
@QuarkusTest
class InitiationTest {

    private static final String VALID_ID = "A".repeat(32);

    @Inject
    TestAccounts accounts;

    private static ValidatableResponse start(String userId) {
        return given().contentType(ContentType.JSON).body(Map.of("userId", userId)).post("/api/v1/initiation").then();
    }

    @Test
    void everyAccountThatCannotInitiateGetsTheSameClearAnswer() {
        String participant = TestAccounts.newParticipant();
        Account noEmail = accounts.userWithoutEmail(participant);
        Account enrolled = accounts.enrolledUser(participant);
        Account disabled = accounts.notInitiatedUser(participant);
        accounts.setStatus(disabled.userId, AccountStatus.DISABLED);
        Account locked = accounts.notInitiatedUser(participant);
        accounts.lock(locked.userId);

        List<ExtractableResponse<Response>> answers = List.of(noEmail.userId, enrolled.userId, disabled.userId, locked.userId, "NOSUCHUSER99")
                .stream().map(userId -> assertProblem(start(userId), 403, "not-ready-for-two-factor").extract()).toList();
        String body = answers.get(0).asString();
        assertThat(body).contains("ask your Delegated Administrator to register your e-mail address");
        assertThat(answers).allSatisfy(answer -> assertThat(answer.asString()).isEqualTo(body));
        assertThat(accounts.audit(noEmail.userId, AuditAction.INITIATION_STARTED)).singleElement().satisfies(event -> {
            assertThat(event.result).isEqualTo(AuditEvent.Result.FAILURE);
            assertThat(event.detail).isEqualTo("no registered e-mail address");
        });
    }

    @Test
    void whenTheCodeCannotBeSentTheAnswerIsAClearRetryableError() {
        Account ready = accounts.notInitiatedUser(TestAccounts.newParticipant());
        assertProblem(start(ready.userId), 503, "dependency-unavailable").header("Retry-After", "30");
    }

    @Test
    void anUnknownOrFinishedSetUpCannotBeContinued() {
        ValidatableResponse activation = given().contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/api/v1/initiation/" + VALID_ID + "/activation").then();
        assertProblem(activation, 401, "initiation-invalid");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("newPassword", "Some-Long-Password-42", "channel", "EMAIL"))
                .post("/api/v1/initiation/" + VALID_ID + "/completion").then(), 401, "initiation-invalid");
        assertProblem(given().contentType(ContentType.JSON).post("/api/v1/initiation/" + VALID_ID + "/resend").then(),
                401, "initiation-invalid");
    }

    @Test
    void badInputOnEveryInitiationEndpointIsAClearProblem() {
        for (String userId : List.of("", "ALICE 01", "ALICE01'--", "x".repeat(65), "ALICE\u000101")) {
            assertProblem(start(userId), 400, "validation-failed");
        }
        String base = "/api/v1/initiation/" + VALID_ID;
        for (String code : List.of("12345", "abcdef", "12345678901", "")) {
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", code)).post(base + "/activation").then(),
                    400, "validation-failed");
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", code)).post(base + "/mobile/verification").then(),
                    400, "validation-failed");
        }
        for (String mobile : List.of("91234567", "+852 9123 4567", "+0852912345", "+8529123456789012")) {
            assertProblem(given().contentType(ContentType.JSON).body(Map.of("mobile", mobile)).post(base + "/mobile").then(),
                    400, "validation-failed");
        }
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("newPassword", "Some-Long-Password-42", "channel", "PIGEON"))
                .post(base + "/completion").then(), 400, "malformed-request");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("channel", "EMAIL")).post(base + "/completion").then(),
                400, "validation-failed");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("code", "123456")).post("/api/v1/initiation/short/activation").then(),
                400, "validation-failed");
        assertProblem(given().contentType(ContentType.JSON).body("{\"userId\":").post("/api/v1/initiation").then(), 400, "malformed-request");
        assertProblem(given().contentType(ContentType.TEXT).body("userId=ALICE01").post("/api/v1/initiation").then(), 415, "unsupported-media-type");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("userId", "ALICE01", "padding", "x".repeat(20_000)))
                .post("/api/v1/initiation").then(), 413, "payload-too-large");
    }
}
