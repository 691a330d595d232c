package hk.ccms.access.datacentre.rest;

import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(SecondaryDataCentreResourceTest.Secondary.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class SecondaryDataCentreResourceTest {

    public static class Secondary implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ccms.datacentre.id", "SDC",
                    "ccms.datacentre.name", "Secondary Data Centre",
                    "ccms.datacentre.role", "SECONDARY",
                    "ccms.datacentre.peer-id", "PDC",
                    // A link key of only blanks is no key: the service starts without a link.
                    "ccms.link.key", "   ");
        }
    }

    @Test
    void secondaryStartsAsStandbyOfThePrimary() {
        given().when().get(DataCentreResourceTest.PATH)
                .then().statusCode(200)
                .body("dataCentre.id", is("SDC"))
                .body("dataCentre.name", is("Secondary Data Centre"))
                .body("dataCentre.role", is("SECONDARY"))
                .body("state.epoch", is(1))
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("NORMAL"))
                .body("state.session", nullValue())
                .body("state.carryForward", is(true))
                .body("thisDcIsActive", is(false))
                .body("confirmed", is(true))
                .body("peer.id", is("PDC"))
                .body("peer.configured", is(false));
    }

    @Test
    void aBlankLinkKeyLeavesTheLinkEndpointsClosed() {
        given().header("Authorization", "Bearer x")
                .when().get("/internal/v1/datacentre/state")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("urn:ccms:problem:link-not-configured"));
    }
}
