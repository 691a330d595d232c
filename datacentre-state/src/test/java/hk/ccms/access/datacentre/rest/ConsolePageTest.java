package hk.ccms.access.datacentre.rest;

import hk.ccms.access.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** The operations console page and what it needs before anyone is signed in. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dcstate"))
class ConsolePageTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

    @Test
    void theConsoleIsServedAtItsDirectoryWithTheContentSecurityPolicy() {
        given().redirects().follow(false)
                .when().get("/console/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString(CSP))
                .header("X-Frame-Options", is("DENY"))
                .body(containsString("<script src=\"/assets/ccms.js\"></script>"))
                .body(containsString("<script src=\"/console/console.js\"></script>"))
                .body(containsString("id=\"confirm-dialog\""))
                // Nothing inline: the policy would not run it.
                .body(not(containsString("<style")))
                .body(not(containsString("style=")))
                .body(not(containsString("onclick")))
                .body(not(containsString("<script>")));
    }

    @Test
    void withoutTheTrailingSlashTheConsoleIsStillFound() {
        given().redirects().follow(false)
                .when().get("/console")
                .then().statusCode(301)
                .header("Location", is("/console/"));
    }

    @Test
    void itsScriptAndStylesAndTheSharedAssetsAreServed() {
        given().when().get("/console/console.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("CCMS.signedInPage"));
        given().when().get("/console/console.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/assets/ccms.js").then().statusCode(200).body(containsString("window.CCMS"));
        given().when().get("/assets/ccms.css").then().statusCode(200);
    }

    @Test
    void settingsNameThisDataCentreAndTheOperatorsSignInPage() {
        given().accept(ContentType.JSON)
                .when().get("/api/v1/console/settings")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Cache-Control", containsString("no-cache"))
                .body("dataCentre", is("PDC"))
                .body("signInUrl", is("http://127.0.0.1:8081/login.html?function=OPERATIONS_CONSOLE"));
    }

    @Test
    void settingsArePublicEvenWithAStaleSessionCookie() {
        given().cookie("__Host-ccms-session", "expired-or-garbage").accept(ContentType.JSON)
                .when().get("/api/v1/console/settings")
                .then().statusCode(200)
                .body("dataCentre", is("PDC"));
        given().cookie("__Host-ccms-session", "expired-or-garbage")
                .when().get("/console/")
                .then().statusCode(200);
    }
}
