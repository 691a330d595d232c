package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AccountStatus;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Enrolment;
import hk.ccms.access.auth.service.Argon2idHasher;
import hk.ccms.access.auth.service.BouncyCastleArgon2;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static hk.ccms.access.auth.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The password step: no enumeration, lockout and unlock, audit, rehash. */
@QuarkusTest
class PasswordStepTest {

    @Inject
    TestAccounts accounts;

    @Inject
    MeterRegistry metrics;

    private static ExtractableResponse<Response> passwordStep(String userId, String password, String function) {
        return LoginSteps.passwordStep(userId, password, function).extract();
    }

    @Test
    void unknownUserWrongPasswordLockedAndDisabledAllLookTheSame() {
        Account wrongPassword = accounts.enrolledUser("CP0001");
        Account locked = accounts.enrolledUser("CP0001");
        Account disabled = accounts.enrolledUser("CP0001");
        accounts.lock(locked.userId);
        accounts.setStatus(disabled.userId, AccountStatus.DISABLED);

        List<ExtractableResponse<Response>> answers = List.of(
                passwordStep("NOSUCHUSER99", TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"),
                passwordStep(wrongPassword.userId, "Not-The-Password-123", "ONLINE_FUNCTIONS"),
                passwordStep(locked.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"),
                passwordStep(locked.userId, "Not-The-Password-123", "ONLINE_FUNCTIONS"),
                passwordStep(disabled.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"));

        String firstBody = answers.get(0).body().asString();
        for (ExtractableResponse<Response> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().asString()).isEqualTo(firstBody);
            assertThat(answer.header("Set-Cookie")).isNull();
        }
        assertThat(firstBody).contains("urn:ccms:problem:login-failed");
    }

    @Test
    void anUnknownUserCostsTheSameHashAsAWrongPassword() {
        Account account = accounts.enrolledUser("CP0001");
        double before = hashesComputed();
        passwordStep("NOSUCHUSER42", "Whatever-Password-1", "ONLINE_FUNCTIONS");
        double afterUnknown = hashesComputed();
        passwordStep(account.userId, "Whatever-Password-1", "ONLINE_FUNCTIONS");
        double afterWrong = hashesComputed();

        assertThat(afterUnknown - before).isEqualTo(1.0);
        assertThat(afterWrong - afterUnknown).isEqualTo(1.0);
    }

    @Test
    void consecutiveFailuresLockTheAccountUntilTheLockExpires() {
        Account account = accounts.notInitiatedUser("CP0001");
        for (int i = 0; i < 5; i++) {
            assertProblem(LoginSteps.passwordStep(account.userId, "Wrong-Password-" + i, "ONLINE_FUNCTIONS"), 401, "login-failed");
        }
        assertThat(accounts.reload(account.userId).lockedUntil).isNotNull();
        // The right password does not open a locked account, and says nothing about the lock.
        assertThat(passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS").statusCode()).isEqualTo(401);
        assertThat(accounts.audit(account.userId, AuditAction.ACCOUNT_LOCKED)).hasSize(1);

        // After the (test-configured 2 s) lock the password is accepted again: this account has no
        // 2FA yet, so a proven password is answered with "not initiated" instead of a code.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertProblem(LoginSteps.passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"), 403, "two-factor-not-initiated"));
    }

    @Test
    void everyDecisionIsAudited() {
        Account account = accounts.notInitiatedUser("CP0002");
        passwordStep(account.userId, "Wrong-Password-xyz", "ONLINE_FUNCTIONS");
        passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS");

        List<AuditEvent> events = accounts.audit(account.userId, AuditAction.LOGIN_PASSWORD_STEP);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).result).isEqualTo(AuditEvent.Result.FAILURE);
        assertThat(events.get(0).detail).isEqualTo("wrong password");
        assertThat(events.get(0).sourceIp).isEqualTo("127.0.0.1");
        assertThat(events.get(0).participantId).isEqualTo("CP0002");
        assertThat(events.get(1).detail).isEqualTo("2FA not initiated");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.occurredAt).isNotNull();
            assertThat(event.detail).doesNotContain(TestAccounts.PASSWORD).doesNotContain("Wrong-Password");
        });
    }

    @Test
    void auditTrailIsAppendOnly() {
        Account account = accounts.notInitiatedUser("CP0002");
        passwordStep(account.userId, "Wrong-Password-abc", "ONLINE_FUNCTIONS");
        assertThat(accounts.tryToRewriteAudit(account.userId)).contains("append-only");
    }

    @Test
    void userCannotAskForADmsFunctionAndDaCannotAskForCcms() {
        Account user = accounts.enrolledUser("CP0001");
        Account da = accounts.delegatedAdministrator("CP0001");
        assertProblem(LoginSteps.passwordStep(user.userId, TestAccounts.PASSWORD, "SECURITY_MANAGEMENT"), 403, "function-not-permitted");
        assertProblem(LoginSteps.passwordStep(da.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"), 403, "function-not-permitted");
    }

    @Test
    void aHashMadeWithOldParametersIsUpgradedAtLogin() {
        String oldHash = new Argon2idHasher(new BouncyCastleArgon2(), 8192, 1, 1).hash(TestAccounts.PASSWORD);
        Account account = accounts.withHash(Enrolment.NOT_INITIATED, oldHash);

        passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS");

        String upgraded = accounts.reload(account.userId).passwordHash;
        assertThat(upgraded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(new Argon2idHasher(new BouncyCastleArgon2(), 19456, 2, 1).verify(TestAccounts.PASSWORD, upgraded)).isTrue();
    }

    @Test
    void userIdsAreCaseInsensitive() {
        Account account = accounts.notInitiatedUser("CP0001");
        assertProblem(LoginSteps.passwordStep(account.userId.toLowerCase(), TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"), 403, "two-factor-not-initiated");
    }

    @Test
    void anEnrolledUserWhoseOtpServiceIsDownGetsARetryableAnswer() {
        Account account = accounts.enrolledUser("CP0001");
        assertProblem(LoginSteps.passwordStep(account.userId, TestAccounts.PASSWORD, "ONLINE_FUNCTIONS"), 503, "dependency-unavailable")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    private double hashesComputed() {
        return metrics.get("ccms.password.hashing.computed").counter().count();
    }
}
