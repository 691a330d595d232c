package hk.ccms.access.auth;

import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.service.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's own guarantees, beyond the events each flow's tests look for. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail audit;

    @Inject
    TestAccounts accounts;

    @Test
    void anEventStaysRecordedWhenTheWorkAroundItRollsBack() {
        String subject = uniqueSubject();
        Instant before = Instant.now();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record(AuditAction.LOGIN_PASSWORD_STEP, "anonymous", subject, "CP0001", AuditEvent.Result.FAILURE, "refused");
            throw new IllegalStateException("the surrounding work fails");
        })).hasStackTraceContaining("the surrounding work fails");

        assertThat(accounts.audit(subject, AuditAction.LOGIN_PASSWORD_STEP)).singleElement().satisfies(event -> {
            assertThat(event.actor).isEqualTo("anonymous");
            assertThat(event.participantId).isEqualTo("CP0001");
            assertThat(event.result).isEqualTo(AuditEvent.Result.FAILURE);
            assertThat(event.detail).isEqualTo("refused");
            assertThat(event.requestedBy).isNull();
            assertThat(event.occurredAt).isBetween(before.minus(Duration.ofSeconds(1)), Instant.now());
        });
    }

    @Test
    void aLongDetailIsCutToTheColumnWidthRatherThanRefused() {
        String subject = uniqueSubject();

        audit.record(AuditAction.LOGIN_PASSWORD_STEP, subject, subject, null, AuditEvent.Result.SUCCESS, "x".repeat(2_000));

        assertThat(accounts.audit(subject, AuditAction.LOGIN_PASSWORD_STEP)).singleElement()
                .satisfies(event -> assertThat(event.detail).hasSize(500));
    }

    private static String uniqueSubject() {
        return "AUDIT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
