package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Lockout;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** DMS for Delegated Administrators: readiness, contact details, unlock, 2FA reset, maker-checker, participant isolation. */
@QuarkusTest
class DelegatedAdministrationTest {

    @Inject
    TestAccounts accounts;

    @Inject
    Lockout lockout;

    private RequestSpecification as(Account da) {
        return given().header("Authorization", "Bearer " + accounts.login(da, PortalFunction.SECURITY_MANAGEMENT).token())
                .contentType(ContentType.JSON);
    }

    @Test
    void aDaSeesItsParticipantsUsersWithTheirReadinessPagedAndFiltered() {
        String participant = TestAccounts.newParticipant();
        Account da = accounts.delegatedAdministrator(participant);
        Account enrolled = accounts.enrolledUser(participant);
        Account ready = accounts.notInitiatedUser(participant);
        Account noEmail = accounts.userWithoutEmail(participant);
        Account locked = accounts.enrolledUser(participant);
        accounts.lock(locked.userId);
        accounts.enrolledUser(TestAccounts.newParticipant());

        as(da).get("/api/v1/dms/users?size=2").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("items", hasSize(2));
        as(da).get("/api/v1/dms/users?page=2&size=2").then().statusCode(200).body("items", hasSize(1));
        as(da).get("/api/v1/dms/users?readiness=NO_EMAIL").then().statusCode(200)
                .body("items.userId", contains(noEmail.userId)).body("items[0].email", nullValue());
        as(da).get("/api/v1/dms/users?readiness=READY_TO_INITIATE").then().statusCode(200)
                .body("items.userId", contains(ready.userId));
        as(da).get("/api/v1/dms/users?locked=true").then().statusCode(200)
                .body("items.userId", contains(locked.userId)).body("items[0].locked", equalTo(true));
        String prefix = enrolled.userId.substring(0, 3);
        as(da).get("/api/v1/dms/users?userIdPrefix=" + prefix.toLowerCase() + "&size=50").then().statusCode(200)
                .body("items.userId", everyItem(startsWith(prefix)));
        as(da).get("/api/v1/dms/users?userIdPrefix=T_").then().statusCode(200).body("totalItems", equalTo(0));
        as(da).get("/api/v1/dms/users/" + enrolled.userId).then().statusCode(200)
                .body("readiness", equalTo("ENROLLED")).body("otpChannel", equalTo("EMAIL"));
        as(da).get("/api/v1/dms/users/readiness-summary").then().statusCode(200)
                .body("users", equalTo(5)).body("enrolled", equalTo(3)).body("readyToInitiate", equalTo(1))
                .body("withoutEmail", equalTo(1)).body("notYetMigrated", equalTo(2)).body("locked", equalTo(1));
    }

    @Test
    void aDaCannotSeeOrTouchAnotherParticipantsUsersOrRequestsOnAnyEndpoint() {
        String mine = TestAccounts.newParticipant();
        String theirs = TestAccounts.newParticipant();
        Account da = accounts.delegatedAdministrator(mine);
        Account theirDa = accounts.delegatedAdministrator(theirs);
        Account theirUser = accounts.enrolledUser(theirs);
        accounts.lock(theirUser.userId);
        String path = "/api/v1/dms/users/" + theirUser.userId;

        List<Function<RequestSpecification, ValidatableResponse>> calls = List.of(
                request -> request.get(path).then(),
                request -> request.body(Map.of("email", "stolen@evil.example")).put(path + "/email").then(),
                request -> request.body(Map.of("mobile", "+85291234567")).put(path + "/mobile").then(),
                request -> request.post(path + "/unlock").then(),
                request -> request.post(path + "/two-factor-reset").then());
        for (Function<RequestSpecification, ValidatableResponse> call : calls) {
            assertProblem(call.apply(as(da)), 404, "account-not-found");
        }
        as(da).get("/api/v1/dms/users").then().statusCode(200).body("totalItems", equalTo(1));
        as(da).get("/api/v1/dms/users/readiness-summary").then().statusCode(200).body("users", equalTo(1));

        long theirRequest = as(theirDa).post(path + "/two-factor-reset").then().statusCode(202)
                .extract().jsonPath().getLong("request.id");
        assertProblem(as(da).get("/api/v1/dms/requests/" + theirRequest).then(), 404, "request-not-found");
        assertProblem(as(da).post("/api/v1/dms/requests/" + theirRequest + "/approval").then(), 404, "request-not-found");
        assertProblem(as(da).post("/api/v1/dms/requests/" + theirRequest + "/rejection").then(), 404, "request-not-found");
        as(da).get("/api/v1/dms/requests").then().statusCode(200).body("totalItems", equalTo(0));

        Account untouched = accounts.reload(theirUser.userId);
        assertThat(untouched.email).isEqualTo(theirUser.email);
        assertThat(untouched.mobile).isNull();
        assertThat(untouched.enrolment).isEqualTo(Enrolment.ENROLLED);
        assertThat(untouched.lockedUntil).isNotNull();
        assertThat(accounts.audit(theirUser.userId, AuditAction.EMAIL_CHANGED)).singleElement()
                .satisfies(event -> assertThat(event.result).isEqualTo(AuditEvent.Result.FAILURE));
    }

    @Test
    void aTwoFactorResetTakesEffectOnlyWhenASecondDaApprovesIt() {
        String participant = TestAccounts.newParticipant();
        Account maker = accounts.delegatedAdministrator(participant);
        Account checker = accounts.delegatedAdministrator(participant);
        Account user = accounts.enrolledUser(participant);
        String userToken = accounts.login(user, PortalFunction.ONLINE_FUNCTIONS).token();

        long requestId = as(maker).post("/api/v1/dms/users/" + user.userId + "/two-factor-reset").then().statusCode(202)
                .body("outcome", equalTo("PENDING_APPROVAL")).body("request.status", equalTo("PENDING"))
                .body("request.requestedBy", equalTo(maker.userId))
                .extract().jsonPath().getLong("request.id");
        assertThat(accounts.reload(user.userId).enrolment).isEqualTo(Enrolment.ENROLLED);
        assertProblem(as(checker).post("/api/v1/dms/users/" + user.userId + "/two-factor-reset").then(), 409, "request-pending");

        assertProblem(as(maker).post("/api/v1/dms/requests/" + requestId + "/approval").then(), 403, "maker-cannot-approve");
        assertThat(accounts.reload(user.userId).enrolment).isEqualTo(Enrolment.ENROLLED);
        given().header("Authorization", "Bearer " + userToken).get("/api/v1/ccms/session").then().statusCode(200);

        as(checker).post("/api/v1/dms/requests/" + requestId + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo(checker.userId));
        Account reset = accounts.reload(user.userId);
        assertThat(reset.enrolment).isEqualTo(Enrolment.NOT_INITIATED);
        assertThat(reset.passwordHash).isNull();
        assertThat(reset.otpChannel).isNull();
        assertProblem(given().header("Authorization", "Bearer " + userToken).get("/api/v1/ccms/session").then(), 401, "unauthenticated");
        assertProblem(as(checker).post("/api/v1/dms/requests/" + requestId + "/approval").then(), 409, "request-closed");

        assertThat(accounts.audit(user.userId, AuditAction.TWO_FACTOR_RESET)).singleElement().satisfies(event -> {
            assertThat(event.actor).isEqualTo(checker.userId);
            assertThat(event.requestedBy).isEqualTo(maker.userId);
        });
        assertThat(accounts.audit(user.userId, AuditAction.ADMIN_REQUEST_CREATED)).singleElement()
                .satisfies(event -> assertThat(event.actor).isEqualTo(maker.userId));
        assertThat(accounts.audit(user.userId, AuditAction.ADMIN_REQUEST_APPROVED))
                .extracting(event -> event.result + " " + event.actor + " " + event.requestedBy)
                .containsExactly("FAILURE " + maker.userId + " " + maker.userId, "SUCCESS " + checker.userId + " " + maker.userId);
        assertThat(accounts.notifications(user.userId)).extracting(notification -> notification.kind)
                .containsExactly(Notification.Kind.TWO_FACTOR_RESET);
    }

    @Test
    void anEmailChangeWaitsForTheCheckerAndThenTellsBothAddressesEvenWhileMailIsDown() {
        String participant = TestAccounts.newParticipant();
        Account maker = accounts.delegatedAdministrator(participant);
        Account checker = accounts.delegatedAdministrator(participant);
        Account user = accounts.enrolledUser(participant);
        String previous = user.email;

        long requestId = as(maker).body(Map.of("email", "new.address@cp.example"))
                .put("/api/v1/dms/users/" + user.userId + "/email").then().statusCode(202)
                .body("request.kind", equalTo("EMAIL_CHANGE")).body("request.newEmail", equalTo("new.address@cp.example"))
                .extract().jsonPath().getLong("request.id");
        assertThat(accounts.reload(user.userId).email).isEqualTo(previous);
        as(checker).get("/api/v1/dms/requests?status=PENDING").then().statusCode(200).body("items.id", contains((int) requestId));

        as(checker).post("/api/v1/dms/requests/" + requestId + "/approval").then().statusCode(200);
        assertThat(accounts.reload(user.userId).email).isEqualTo("new.address@cp.example");

        // No otp-service runs beside these tests: the notifications must stay queued and keep being retried.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(accounts.notifications(user.userId))
                .allSatisfy(notification -> {
                    assertThat(notification.sentAt).isNull();
                    assertThat(notification.attempts).isGreaterThanOrEqualTo(2);
                    assertThat(notification.lastError).isNotBlank();
                }));
        assertThat(accounts.notifications(user.userId))
                .extracting(notification -> notification.kind + " " + notification.recipient + " " + notification.changedTo)
                .containsExactlyInAnyOrder("EMAIL_CHANGED_NEW_ADDRESS new.address@cp.example null",
                        "EMAIL_CHANGED_OLD_ADDRESS " + previous + " new.address@cp.example");
    }

    @Test
    void aRejectedRequestChangesNothingAndTheMakerMayWithdrawItsOwn() {
        String participant = TestAccounts.newParticipant();
        Account maker = accounts.delegatedAdministrator(participant);
        Account checker = accounts.delegatedAdministrator(participant);
        Account user = accounts.enrolledUser(participant);
        long first = as(maker).body(Map.of("email", "a.b@cp.example")).put("/api/v1/dms/users/" + user.userId + "/email")
                .then().statusCode(202).extract().jsonPath().getLong("request.id");
        as(checker).post("/api/v1/dms/requests/" + first + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        long second = as(maker).body(Map.of("email", "c.d@cp.example")).put("/api/v1/dms/users/" + user.userId + "/email")
                .then().statusCode(202).extract().jsonPath().getLong("request.id");
        as(maker).post("/api/v1/dms/requests/" + second + "/rejection").then().statusCode(200);
        assertProblem(as(checker).post("/api/v1/dms/requests/" + second + "/approval").then(), 409, "request-closed");
        assertThat(accounts.reload(user.userId).email).isEqualTo(user.email);
        assertThat(accounts.audit(user.userId, AuditAction.ADMIN_REQUEST_REJECTED)).extracting(event -> event.actor)
                .containsExactly(checker.userId, maker.userId);
    }

    @Test
    void withMakerCheckerSwitchedOffByAnOperatorOneDaChangesTheEmailAtOnce() {
        String participant = TestAccounts.newParticipant();
        Account da = accounts.delegatedAdministrator(participant);
        Account user = accounts.userWithoutEmail(participant);
        String operator = accounts.login(accounts.operator(), PortalFunction.OPERATIONS_CONSOLE).token();
        String setting = "/api/v1/operations/participants/" + participant + "/maker-checker";

        given().header("Authorization", "Bearer " + operator).get(setting).then().statusCode(200).body("enabled", equalTo(true));
        assertProblem(as(da).body(Map.of("enabled", false)).put(setting).then(), 401, "unauthenticated");
        given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put(setting).then().statusCode(200).body("enabled", equalTo(false));

        assertProblem(given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON).body(Map.of())
                .put(setting).then(), 400, "validation-failed");
        assertProblem(given().header("Authorization", "Bearer " + operator).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/operations/participants/cp'1/maker-checker").then(), 400, "validation-failed");
        as(da).body(Map.of("email", "first.address@cp.example")).put("/api/v1/dms/users/" + user.userId + "/email").then()
                .statusCode(200).body("outcome", equalTo("APPLIED")).body("user.readiness", equalTo("READY_TO_INITIATE"));
        assertThat(accounts.reload(user.userId).email).isEqualTo("first.address@cp.example");
        assertThat(accounts.audit(user.userId, AuditAction.EMAIL_CHANGED)).singleElement()
                .satisfies(event -> assertThat(event.actor).isEqualTo(da.userId));
    }

    @Test
    void aDaUnlocksAUserAndRegistersAMobileButNeverAdministersItself() {
        String participant = TestAccounts.newParticipant();
        Account da = accounts.delegatedAdministrator(participant);
        Account user = accounts.enrolledUser(participant);
        for (int i = 0; i < 5; i++) {
            lockout.recordFailure(user.id);
        }
        as(da).get("/api/v1/dms/users/" + user.userId).then().body("locked", equalTo(true));
        as(da).post("/api/v1/dms/users/" + user.userId + "/unlock").then().statusCode(200).body("locked", equalTo(false));
        assertThat(accounts.reload(user.userId).lockedUntil).isNull();

        as(da).body(Map.of("mobile", "+85291234567")).put("/api/v1/dms/users/" + user.userId + "/mobile").then()
                .statusCode(200).body("mobile", equalTo("+85291234567"));
        assertThat(accounts.notifications(user.userId)).extracting(notification -> notification.kind + " " + notification.changedTo)
                .containsExactly("MOBILE_CHANGED +85291234567");

        accounts.useSmsChannel(user.userId);
        assertProblem(as(da).body(Map.of("mobile", "+85298765432")).put("/api/v1/dms/users/" + user.userId + "/mobile").then(),
                409, "mobile-is-otp-channel");
        assertThat(accounts.reload(user.userId).mobile).isEqualTo("+85291234567");

        for (String path : List.of("/unlock", "/two-factor-reset")) {
            assertProblem(as(da).post("/api/v1/dms/users/" + da.userId + path).then(), 403, "self-administration");
        }
        assertProblem(as(da).body(Map.of("email", "me@cp.example")).put("/api/v1/dms/users/" + da.userId + "/email").then(),
                403, "self-administration");
    }

    @Test
    void onlyADmsTokenOpensTheDmsEndpoints() {
        String participant = TestAccounts.newParticipant();
        Account user = accounts.enrolledUser(participant);
        String userToken = accounts.login(user, PortalFunction.ONLINE_FUNCTIONS).token();
        for (String path : List.of("/api/v1/dms/users", "/api/v1/dms/users/readiness-summary", "/api/v1/dms/requests")) {
            assertProblem(given().get(path).then(), 401, "unauthenticated");
            assertProblem(given().header("Authorization", "Bearer " + userToken).get(path).then(), 401, "unauthenticated");
        }
    }

    @Test
    void badInputOnEveryDmsEndpointIsAClearProblem() {
        String participant = TestAccounts.newParticipant();
        Account da = accounts.delegatedAdministrator(participant);
        Account user = accounts.enrolledUser(participant);
        String path = "/api/v1/dms/users/" + user.userId;
        for (String email : List.of("not-an-address", "two@@cp.example", "a b@cp.example", "x@[127.0.0.1]", "line\nbreak@cp.example",
                "x".repeat(250) + "@cp.example", "")) {
            assertProblem(as(da).body(Map.of("email", email)).put(path + "/email").then(), 400, "validation-failed");
        }
        for (String mobile : List.of("91234567", "+852 9123 4567", "+0852912345", "+8529123456789012", "+852-91234567")) {
            assertProblem(as(da).body(Map.of("mobile", mobile)).put(path + "/mobile").then(), 400, "validation-failed");
        }
        assertProblem(as(da).body("{\"email\":").put(path + "/email").then(), 400, "malformed-request");
        assertProblem(as(da).contentType(ContentType.TEXT).body("email=x@y.example").put(path + "/email").then(), 415, "unsupported-media-type");
        assertProblem(as(da).body(Map.of("email", "a@b.example", "padding", "x".repeat(20_000))).put(path + "/email").then(),
                413, "payload-too-large");
        assertProblem(as(da).get("/api/v1/dms/users?size=0").then(), 400, "validation-failed");
        assertProblem(as(da).get("/api/v1/dms/users?size=501").then(), 400, "validation-failed");
        assertProblem(as(da).get("/api/v1/dms/users?readiness=SOMETHING").then(), 404, "not-found");
        assertProblem(as(da).get("/api/v1/dms/users/bad%00id").then(), 400, "validation-failed");
        assertProblem(as(da).get("/api/v1/dms/users?userIdPrefix=' or 1=1 --").then(), 400, "validation-failed");
        assertProblem(as(da).post("/api/v1/dms/requests/abc/approval").then(), 404, "not-found");
        assertProblem(as(da).post("/api/v1/dms/requests/0/approval").then(), 400, "validation-failed");
        assertThat(accounts.reload(user.userId).email).isEqualTo(user.email);
    }
}
