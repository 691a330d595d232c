package hk.ccms.access.datacentre.rest;

import hk.ccms.access.datacentre.config.DataCentreConfig;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the operator actions. Every action carries the reason the history keeps. */
public final class OperatorRequests {

    static final int MAX_REASON_LENGTH = 500;
    /** Control characters (line breaks included) would let a reason forge lines in the logs. */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    private OperatorRequests() {
    }

    @Schema(name = "SwitchRequest")
    public record Switch(
            @Schema(description = "The DC to make active", examples = "SDC")
            @NotNull @Pattern(regexp = DataCentreConfig.DC_ID_PATTERN) String targetDc,
            @Schema(description = "Why; kept in the history", maxLength = MAX_REASON_LENGTH)
            @NotBlank @Size(max = MAX_REASON_LENGTH) @Pattern(regexp = NO_CONTROL_CHARACTERS) String reason,
            @Schema(description = "The state version the operator decided on; refused with state-changed if it moved on", nullable = true)
            Long expectedVersion) {
    }

    @Schema(name = "ActionRequest")
    public record Action(
            @Schema(description = "Why; kept in the history", maxLength = MAX_REASON_LENGTH)
            @NotBlank @Size(max = MAX_REASON_LENGTH) @Pattern(regexp = NO_CONTROL_CHARACTERS) String reason,
            @Schema(description = "The state version the operator decided on; refused with state-changed if it moved on", nullable = true)
            Long expectedVersion) {
    }
}
