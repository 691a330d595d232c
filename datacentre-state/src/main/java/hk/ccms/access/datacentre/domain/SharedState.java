package hk.ccms.access.datacentre.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import hk.ccms.access.datacentre.config.DataCentreConfig;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * The data-centre state as the two DCs exchange it ({@code /internal/v1/datacentre/state}). Of two
 * states the one with the higher (epoch, revision) is newer and wins; an equal one is the same
 * state. {@code sessionOpenedAt} and {@code sessionOutsideWindow} go beyond the contract's
 * snapshot so that the peer shows an adopted session exactly as it was opened.
 */
@Schema(name = "SharedDataCentreState", description = "The data-centre state as the two data centres exchange it")
public record SharedState(
        @NotNull @Positive Long epoch,
        @NotNull @PositiveOrZero Long revision,
        @NotNull @Pattern(regexp = DataCentreConfig.DC_ID_PATTERN) String activeDc,
        @NotNull DataCentreMode mode,
        @Schema(nullable = true) @Pattern(regexp = SESSION_NAME) String sessionName,
        @NotNull Boolean carryForward,
        @NotNull Boolean businessFunctionsAvailable,
        @Schema(nullable = true) @Pattern(regexp = DataCentreConfig.DC_ID_PATTERN) String handingOverTo,
        @NotNull Instant updatedAt,
        @Schema(nullable = true) Instant sessionOpenedAt,
        @Schema(nullable = true) Boolean sessionOutsideWindow) implements Comparable<SharedState> {

    public static final String SESSION_NAME = "[A-Z][A-Z0-9_]{0,31}";

    private static final Comparator<SharedState> ORDER =
            Comparator.comparing(SharedState::epoch).thenComparing(SharedState::revision);

    /** The same rules the database holds the state to, checked before a peer's state is adopted. */
    @JsonIgnore
    @AssertTrue(message = "session fields, carryForward, businessFunctionsAvailable and handingOverTo are inconsistent")
    public boolean isConsistent() {
        boolean inSession = sessionName != null;
        return (inSession || (Boolean.TRUE.equals(carryForward) && Boolean.TRUE.equals(businessFunctionsAvailable)))
                && (inSession == (sessionOpenedAt != null)) && (inSession == (sessionOutsideWindow != null))
                && (handingOverTo == null || (!handingOverTo.equals(activeDc) && !inSession));
    }

    /**
     * Whether both say the same about the pair, leaving aside when each DC recorded it: two DCs that
     * start fresh create the same first state at different moments.
     */
    public boolean sameAs(SharedState other) {
        return compareTo(other) == 0 && activeDc.equals(other.activeDc) && mode == other.mode
                && Objects.equals(sessionName, other.sessionName) && carryForward.equals(other.carryForward)
                && businessFunctionsAvailable.equals(other.businessFunctionsAvailable)
                && Objects.equals(handingOverTo, other.handingOverTo);
    }

    public boolean isNewerThan(SharedState other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(SharedState other) {
        return ORDER.compare(this, other);
    }
}
