package hk.ccms.access.datacentre.service;

/**
 * The state as this DC's auth-service is told it ({@code PUT /internal/v1/datacentre-state}).
 * auth-service is writable iff {@code activeDc} is its DC, {@code handingOverTo} is null and
 * {@code confirmed}; it fences itself before it answers.
 */
public record PublishedState(long epoch, long revision, String activeDc, String handingOverTo, boolean confirmed,
                             String sessionName, boolean carryForward, boolean businessFunctionsAvailable) {
}
