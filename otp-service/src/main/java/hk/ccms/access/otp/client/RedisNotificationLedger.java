package hk.ccms.access.otp.client;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Which account-change notifications were sent, one key per notification id
 * ({@code otp:notification:<id>}), so that auth-service's outbox may repeat a request until it gets
 * an answer without the person getting the message twice. A request first claims the id (SET NX,
 * holding a token of its own, with a short lifetime); once the SMTP server took the message the key
 * becomes {@code SENT} for {@link #SENT_LIFETIME}; if sending failed the claim is given back.
 */
@ApplicationScoped
public class RedisNotificationLedger {

    public enum ClaimStatus { CLAIMED, SENT, IN_PROGRESS }

    /** The answer to a claim; {@code token} identifies this request's claim when {@code CLAIMED}. */
    public record Claim(String notificationId, ClaimStatus status, String token) {
    }

    /** Well beyond the time auth-service's outbox keeps retrying one notification. */
    static final Duration SENT_LIFETIME = Duration.ofDays(7);
    private static final String SENT = "SENT";
    private static final LuaScript CLAIM = LuaScript.fromResource("claim-notification.lua");
    private static final LuaScript RELEASE = LuaScript.fromResource("release-notification.lua");

    private final RedisDataSource redis;

    public RedisNotificationLedger(RedisDataSource redis) {
        this.redis = redis;
    }

    static String notificationKey(String notificationId) {
        return "otp:notification:" + notificationId;
    }

    public Claim claim(String notificationId, Duration lifetime) {
        String token = "claim:" + UUID.randomUUID();
        String reply = RedisFailures.guarded(() -> CLAIM.run(redis, List.of(notificationKey(notificationId)),
                List.of(token, Long.toString(lifetime.toMillis())))).toString();
        return new Claim(notificationId, ClaimStatus.valueOf(reply), token);
    }

    /** Records the message as sent, replacing the claim. */
    public void markSent(Claim claim) {
        RedisFailures.guarded(() -> {
            redis.value(String.class).psetex(notificationKey(claim.notificationId()), SENT_LIFETIME.toMillis(), SENT);
            return null;
        });
    }

    /** Gives back a claim whose message was not sent, so that the caller's retry sends it. */
    public void release(Claim claim) {
        RedisFailures.guarded(() -> RELEASE.run(redis, List.of(notificationKey(claim.notificationId())),
                List.of(claim.token())));
    }
}
