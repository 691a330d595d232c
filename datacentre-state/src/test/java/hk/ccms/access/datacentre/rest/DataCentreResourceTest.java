package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.service.DataCentreStateService;
import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class DataCentreResourceTest {

    static final String PATH = "/api/v1/datacentre";
    static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @Inject
    DataCentreStateService states;

    @Test
    void primaryReportsItselfActiveInNormalProduction() {
        String updatedAt = given().accept(ContentType.JSON)
                .when().get(PATH)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-cache"))
                .body("dataCentre.id", is("PDC"))
                .body("dataCentre.name", is("Primary Data Centre"))
                .body("dataCentre.role", is("PRIMARY"))
                .body("state.epoch", is(1))
                .body("state.activeDc", is("PDC"))
                .body("state.mode", is("NORMAL"))
                .body("state", hasKey("session"))
                .body("state.session", nullValue())
                .body("state.businessFunctionsAvailable", is(true))
                .body("state.carryForward", is(true))
                .body("state.updatedAt", matchesPattern(ISO_UTC))
                .body("state.revision", is(0))
                .body("state", hasKey("handingOverTo"))
                .body("state.handingOverTo", nullValue())
                .body("thisDcIsActive", is(true))
                // No peer configured: a single data centre, confirmed from the start.
                .body("confirmed", is(true))
                .body("peer.id", is("SDC"))
                .body("peer.configured", is(false))
                .body("peer.reachable", is(false))
                .body("peer.lastContactAt", nullValue())
                .extract().path("state.updatedAt");
        assertEquals(states.current().updatedAt(), Instant.parse(updatedAt));
    }

    @Test
    void statusIsPublicAndIgnoresAnyPresentedToken() {
        given().header("Authorization", "Bearer not-a-jwt")
                .when().get(PATH)
                .then().statusCode(200)
                .body("dataCentre.id", is("PDC"));
    }

    @Test
    void unknownPathsAnswerNotFoundProblems() {
        for (String path : new String[] {"/api/v1/nothing", "/api/v1/datacentre/switch-over", "/"}) {
            given().when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("urn:ccms:problem:not-found"))
                    .body("status", is(404));
        }
    }

    /** Operator actions live under /api/v1/operations and need a token; nothing writes through the public path. */
    @Test
    void operatorActionsAreNotOnThePublicPath() {
        given().contentType(ContentType.JSON).body("{\"targetDc\":\"SDC\",\"reason\":\"drill\"}")
                .when().post(PATH + "/switch-over")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:ccms:problem:not-found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void theStatusCannotBeWritten(String method) {
        given().contentType(ContentType.JSON).body("{\"activeDc\":\"SDC\"}")
                .when().request(method, PATH)
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", is("urn:ccms:problem:method-not-allowed"))
                .body("status", is(405));

        given().when().get(PATH).then().statusCode(200).body("state.activeDc", is("PDC")).body("state.epoch", is(1));
    }

    /**
     * Without CCMS_DC_LINK_KEY the property expands to an empty value, which leaves the link key
     * absent (the service starts): the link endpoints then refuse every call.
     */
    @Test
    void withoutALinkKeyTheLinkEndpointsAreClosed() {
        for (String method : new String[] {"GET", "PUT"}) {
            given().header("Authorization", "Bearer x").contentType(ContentType.JSON).body("{}")
                    .when().request(method, "/internal/v1/datacentre/state")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", is("urn:ccms:problem:link-not-configured"));
        }
    }

    @Test
    void onlyJsonIsOffered() {
        given().accept("application/xml")
                .when().get(PATH)
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", is("urn:ccms:problem:not-acceptable"));
    }
}
