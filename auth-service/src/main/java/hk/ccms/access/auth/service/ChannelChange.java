package hk.ccms.access.auth.service;

/** A person's pending switch to SMS: the number a proof code was sent to, under {@code proofId}. Per session, in Redis. */
public record ChannelChange(long accountId, String mobile, String proofId) {
}
