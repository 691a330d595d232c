package hk.ccms.access.datacentre.service;

import hk.ccms.access.datacentre.testing.OperatorApiProfile;
import hk.ccms.access.datacentre.testing.OperatorTokens;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static hk.ccms.access.datacentre.testing.OperatorApi.STATUS;
import static hk.ccms.access.datacentre.testing.OperatorApi.normalProductionAtPdc;
import static hk.ccms.access.datacentre.testing.OperatorApi.overview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** A hand-over recorded before a crash would keep PDC fenced for good: the start-up check ends it. */
@QuarkusTest
@TestProfile(OperatorApiProfile.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class HandoverLeftByARestartTest {

    @Inject
    DataCentreStateService service;

    @Test
    void aHandOverFoundAtStartUpIsAborted() {
        String operator = OperatorTokens.of("OPS01");
        normalProductionAtPdc(operator);
        service.startHandover(new Operator("OPS01"), "SDC", "Switch interrupted by a crash", null);
        given().when().get(STATUS).then().body("state.handingOverTo", is("SDC")).body("thisDcIsActive", is(false));

        service.abortHandoverLeftByARestart();

        given().when().get(STATUS).then().body("state.handingOverTo", nullValue()).body("thisDcIsActive", is(true));
        overview(operator).body("history[0].kind", is("HANDOVER_ABORTED"))
                .body("history[0].actor", nullValue())
                .body("history[0].note", containsString("restarted"));
    }
}
