package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.domain.SessionDefinition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionDefinition", description = "A session operators can open, and on which terms")
public record SessionDefinitionView(
        @Schema(examples = "SESSION_1") String name,
        @Schema(description = "The DC it runs at; it opens only while that DC is active", examples = "PDC") String dataCentre,
        StateView.Window window,
        boolean businessFunctionsAvailable,
        boolean carryForward) {

    static SessionDefinitionView of(SessionDefinition definition) {
        return new SessionDefinitionView(definition.name(), definition.dataCentre(),
                StateView.Window.of(definition.window()), definition.businessFunctionsAvailable(), definition.carryForward());
    }
}
