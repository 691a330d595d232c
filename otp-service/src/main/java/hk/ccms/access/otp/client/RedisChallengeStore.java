package hk.ccms.access.otp.client;

import hk.ccms.access.otp.domain.Channel;
import hk.ccms.access.otp.domain.HourlyWindow;
import hk.ccms.access.otp.domain.Language;
import hk.ccms.access.otp.domain.OtpChallenge;
import hk.ccms.access.otp.domain.Purpose;
import hk.ccms.access.otp.domain.Verification;
import hk.ccms.access.otp.domain.VerificationOutcome;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Challenges in Redis, one hash per transaction ({@code otp:challenge:<transactionId>}), and a
 * counter of codes sent per subject and clock hour ({@code otp:sent:<subject>:<hour>}). Every
 * read-modify-write is one Lua script, so concurrent requests never see half a change. Both
 * keys of a script are used together, so this assumes one Redis primary per data centre, not a
 * Redis Cluster.
 */
@ApplicationScoped
public class RedisChallengeStore {

    public enum CreateResult { CREATED, EXISTS, QUOTA_EXCEEDED }

    public enum ResendStatus { RESERVED, NOT_FOUND, TOO_SOON, QUOTA_EXCEEDED }

    /** The answer to a resend claim; {@code challenge} is the state before the claim when {@code RESERVED}. */
    public record ResendReservation(ResendStatus status, Duration retryAfter, OtpChallenge challenge) {
    }

    private static final String KEY_PREFIX = "otp:";
    private static final LuaScript CREATE = LuaScript.fromResource("create.lua");
    private static final LuaScript DISCARD = LuaScript.fromResource("discard.lua");
    private static final LuaScript VERIFY = LuaScript.fromResource("verify.lua");
    private static final LuaScript RESERVE_RESEND = LuaScript.fromResource("reserve-resend.lua");
    private static final LuaScript COMPLETE_RESEND = LuaScript.fromResource("complete-resend.lua");
    private static final LuaScript CANCEL_RESEND = LuaScript.fromResource("cancel-resend.lua");

    private final RedisDataSource redis;

    public RedisChallengeStore(RedisDataSource redis) {
        this.redis = redis;
    }

    static String challengeKey(String transactionId) {
        return KEY_PREFIX + "challenge:" + transactionId;
    }

    static String sentCounterKey(String subject, HourlyWindow window) {
        return KEY_PREFIX + "sent:" + subject + ":" + window.hourIndex();
    }

    public CreateResult create(OtpChallenge challenge, HourlyWindow window, int quota) {
        Response reply = RedisFailures.guarded(() -> CREATE.run(redis,
                List.of(challengeKey(challenge.transactionId()), sentCounterKey(challenge.subject(), window)),
                List.of(Integer.toString(quota), millis(window.end()), millis(challenge.expiresAt()),
                        "subject", challenge.subject(),
                        "purpose", challenge.purpose().name(),
                        "channel", challenge.channel().name(),
                        "destination", challenge.destination(),
                        "language", challenge.language().name(),
                        "codeHash", challenge.codeHash(),
                        "attempts", "0",
                        "maxAttempts", Integer.toString(challenge.maxAttempts()),
                        "sentAt", millis(challenge.sentAt()),
                        "expiresAt", millis(challenge.expiresAt()))));
        return CreateResult.valueOf(reply.toString());
    }

    /** Removes a challenge whose code was never delivered and returns that code to the quota. */
    public void discard(OtpChallenge challenge, HourlyWindow window) {
        RedisFailures.guarded(() -> DISCARD.run(redis,
                List.of(challengeKey(challenge.transactionId()), sentCounterKey(challenge.subject(), window)),
                List.of(challenge.codeHash())));
    }

    public Verification verify(String transactionId, String subject, String codeHash, Instant now) {
        Response reply = RedisFailures.guarded(() -> VERIFY.run(redis,
                List.of(challengeKey(transactionId)), List.of(subject, codeHash, millis(now))));
        return new Verification(VerificationOutcome.valueOf(reply.get(0).toString()), reply.get(1).toInteger());
    }

    public ResendReservation reserveResend(String transactionId, String subject, Instant now, Duration interval,
                                           HourlyWindow window, int quota) {
        Response reply = RedisFailures.guarded(() -> RESERVE_RESEND.run(redis,
                List.of(challengeKey(transactionId), sentCounterKey(subject, window)),
                List.of(subject, millis(now), Long.toString(interval.toMillis()), Integer.toString(quota), millis(window.end()))));
        ResendStatus status = ResendStatus.valueOf(reply.get(0).toString());
        Duration retryAfter = Duration.ofMillis(reply.get(1).toLong());
        if (status != ResendStatus.RESERVED) {
            return new ResendReservation(status, retryAfter, null);
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            fields.put(reply.get(i).toString(), reply.get(i + 1).toString());
        }
        return new ResendReservation(status, retryAfter, challenge(transactionId, fields));
    }

    /** Puts the delivered new code in place; false when the challenge ended meanwhile. */
    public boolean completeResend(String transactionId, String subject, String codeHash, Instant expiresAt, Language language) {
        Response reply = RedisFailures.guarded(() -> COMPLETE_RESEND.run(redis, List.of(challengeKey(transactionId)),
                List.of(subject, codeHash, millis(expiresAt), language.name())));
        return "RESENT".equals(reply.toString());
    }

    /** Gives back a resend claim whose code was not delivered; {@code reservedAt} is the time the claim recorded. */
    public void cancelResend(OtpChallenge previous, Instant reservedAt, HourlyWindow window) {
        RedisFailures.guarded(() -> CANCEL_RESEND.run(redis,
                List.of(challengeKey(previous.transactionId()), sentCounterKey(previous.subject(), window)),
                List.of(millis(reservedAt), millis(previous.sentAt()))));
    }

    public void delete(String transactionId) {
        RedisFailures.guarded(() -> redis.key().del(challengeKey(transactionId)));
    }

    private static OtpChallenge challenge(String transactionId, Map<String, String> fields) {
        return new OtpChallenge(transactionId,
                fields.get("subject"),
                Purpose.valueOf(fields.get("purpose")),
                Channel.valueOf(fields.get("channel")),
                fields.get("destination"),
                Language.valueOf(fields.get("language")),
                fields.get("codeHash"),
                Integer.parseInt(fields.get("maxAttempts")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("sentAt"))),
                Instant.ofEpochMilli(Long.parseLong(fields.get("expiresAt"))));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
