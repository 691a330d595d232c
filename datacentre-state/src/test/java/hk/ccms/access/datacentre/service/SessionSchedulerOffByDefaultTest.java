package hk.ccms.access.datacentre.service;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import hk.ccms.access.datacentre.testing.AdjustableClock;
import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Without {@code CCMS_SESSIONS_SCHEDULED} only operators open and close sessions. */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class SessionSchedulerOffByDefaultTest {

    @Inject
    SessionScheduler scheduler;

    @Inject
    DataCentreConfig config;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.resume();
    }

    @Test
    void theSchedulerIsOffByDefaultAndOpensNothingInAWindow() {
        String operator = OperatorTokens.of(OperatorTokens.OPERATOR);
        normalProductionAtPdc(operator);
        assertFalse(config.sessions().scheduled());
        long version = overview(operator).extract().<Number>path("version").longValue();

        clock.standAt(Instant.parse("2023-06-10T10:00:00Z")); // Session 1's window starts, at the active PDC
        scheduler.tick();

        overview(operator).body("state.session", nullValue()).body("version", is((int) version));
    }
}
