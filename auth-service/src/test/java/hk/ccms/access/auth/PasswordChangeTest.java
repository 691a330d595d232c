package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.Account;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.domain.Notification;
import hk.ccms.access.auth.domain.PortalFunction;
import hk.ccms.access.auth.service.Argon2idHasher;
import hk.ccms.access.auth.service.BouncyCastleArgon2;
import hk.ccms.access.auth.service.TokenIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static hk.ccms.access.auth.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PasswordChangeTest {

    private static final Argon2idHasher VERIFIER = new Argon2idHasher(new BouncyCastleArgon2(), 19456, 2, 1);

    @Inject
    TestAccounts accounts;

    private static ValidatableResponse change(TokenIssuer.IssuedToken token, String current, String next) {
        return given().header("Authorization", "Bearer " + token.token()).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", current, "newPassword", next))
                .post("/api/v1/account/password").then();
    }

    @Test
    void aGoodNewPasswordReplacesTheOldOneAndEndsOtherSessions() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken current = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        TokenIssuer.IssuedToken elsewhere = accounts.login(account, PortalFunction.OVERNIGHT_REPORT_DOWNLOAD);
        String unicodePassword = "維港夜色 harbour lights 2023";

        change(current, TestAccounts.PASSWORD, unicodePassword).statusCode(204);

        String stored = accounts.reload(account.userId).passwordHash;
        assertThat(VERIFIER.verify(unicodePassword, stored)).isTrue();
        assertThat(VERIFIER.verify(TestAccounts.PASSWORD, stored)).isFalse();
        given().header("Authorization", "Bearer " + current.token()).get("/api/v1/ccms/session").then().statusCode(200);
        assertProblem(given().header("Authorization", "Bearer " + elsewhere.token()).get("/api/v1/ccms/session").then(),
                401, "unauthenticated");
        assertThat(accounts.audit(account.userId, AuditAction.PASSWORD_CHANGED)).singleElement()
                .satisfies(event -> assertThat(event.result).isEqualTo(AuditEvent.Result.SUCCESS));
        assertThat(accounts.notifications(account.userId)).singleElement().satisfies(notification -> {
            assertThat(notification.kind).isEqualTo(Notification.Kind.PASSWORD_CHANGED);
            assertThat(notification.recipient).isEqualTo(account.email);
        });
    }

    @Test
    void theCurrentPasswordMustBeProven() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        assertProblem(change(token, "Not-The-Current-One", "Completely-New-Secret-77"), 403, "current-password-wrong");
        assertThat(VERIFIER.verify(TestAccounts.PASSWORD, accounts.reload(account.userId).passwordHash)).isTrue();
        assertThat(accounts.reload(account.userId).failedAttempts).isEqualTo(1);
    }

    @Test
    void thePolicyIsEnforcedWithReasons() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);

        assertProblem(change(token, TestAccounts.PASSWORD, "short-1"), 422, "password-policy")
                .body("violations", hasItem("Use at least 12 characters."));
        assertProblem(change(token, TestAccounts.PASSWORD, "x".repeat(129) + "Y"), 422, "password-policy")
                .body("violations", hasItem("Use at most 128 characters."));
        assertProblem(change(token, TestAccounts.PASSWORD, "Password2023!!"), 422, "password-policy")
                .body("violations", hasItem("This password is too common or too easy to guess."));
        assertProblem(change(token, TestAccounts.PASSWORD, "my-" + account.userId.toLowerCase() + "-secret"), 422, "password-policy")
                .body("violations", hasItem("Do not use your user ID, name or e-mail address in your password."));
        assertThat(VERIFIER.verify(TestAccounts.PASSWORD, accounts.reload(account.userId).passwordHash)).isTrue();
    }

    @Test
    void passwordsAreNotTruncated() {
        Account account = accounts.enrolledUser("CP0001");
        TokenIssuer.IssuedToken token = accounts.login(account, PortalFunction.ONLINE_FUNCTIONS);
        String longPassword = "correct horse battery staple ".repeat(4) + "end-A";
        change(token, TestAccounts.PASSWORD, longPassword).statusCode(204);
        String stored = accounts.reload(account.userId).passwordHash;
        assertThat(VERIFIER.verify(longPassword, stored)).isTrue();
        assertThat(VERIFIER.verify(longPassword.substring(0, longPassword.length() - 1) + "B", stored)).isFalse();
    }
}
