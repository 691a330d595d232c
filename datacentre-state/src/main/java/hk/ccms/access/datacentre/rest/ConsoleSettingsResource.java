package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.NoCache;

/**
 * What the operations console page needs before anyone is signed in: which DC it is served by and
 * where to send the operator to sign in. Public: it holds no secret.
 */
@Path("/api/v1/console/settings")
@Tag(name = "Operations console", description = "The operations console page (/console/)")
public class ConsoleSettingsResource {

    static final String SIGN_IN_PATH = "/login.html?function=OPERATIONS_CONSOLE";

    private final DataCentreConfig config;

    public ConsoleSettingsResource(DataCentreConfig config) {
        this.config = config;
    }

    @Schema(name = "ConsoleSettings")
    public record Settings(
            @Schema(description = "Id of this data centre", examples = "PDC") String dataCentre,
            @Schema(description = "The sign-in page of this DC's auth-service for the operations console",
                    examples = "http://127.0.0.1:8081/login.html?function=OPERATIONS_CONSOLE") String signInUrl) {
    }

    @GET
    @PermitAll
    @NoCache
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settings of the operations console page: this DC and the operators' sign-in page")
    public Settings settings() {
        String authPublicUrl = config.authService().publicUrl().toString().replaceAll("/+$", "");
        return new Settings(config.id(), authPublicUrl + SIGN_IN_PATH);
    }
}
