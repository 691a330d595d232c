package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.config.AuthConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the pages need to know about this site before anyone signs in: where the other pages live. */
@Path("/api/v1/web/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web pages")
public class WebSettingsResource {

    private final AuthConfig config;

    public WebSettingsResource(AuthConfig config) {
        this.config = config;
    }

    /**
     * @param smartcardLoginUrl the HTTPS page where the card is the TLS client certificate; null where smartcard login is not offered
     */
    public record WebSettings(String dataCentre, String smartcardLoginUrl, String operationsConsoleUrl, long idleTimeoutSeconds) {
    }

    @GET
    @Operation(summary = "This data centre, the smartcard login page and the operations console addresses, and the idle timeout")
    public WebSettings settings() {
        return new WebSettings(config.dataCentre(), config.web().smartcardLoginUrl().orElse(null),
                config.web().operationsConsoleUrl(), config.token().idleTimeout().toSeconds());
    }
}
