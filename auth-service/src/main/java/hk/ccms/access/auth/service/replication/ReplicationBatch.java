package hk.ccms.access.auth.service.replication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Changed accounts shipped to the peer: the current image of each (null: the account no longer
 * exists at the source), the epoch they were written under, and the last outbox sequence they cover.
 */
public record ReplicationBatch(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9]{1,15}") String sourceDc,
        @Positive long epoch,
        @Positive long lastSeq,
        @NotEmpty @Size(max = 1000) List<@Valid @NotNull ShippedAccount> accounts) {

    public record ShippedAccount(
            @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String userId,
            @Size(max = 16384) String image) {
    }

    /** What the receiving side holds after applying a batch. */
    public record Applied(long epoch, long appliedSeq) {
    }
}
