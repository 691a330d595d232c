package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Server-side sessions. A token is honoured only while its session key exists, so logout and
 * account disable take effect at once, whatever the token's own expiry says. The key lives for the
 * idle timeout and every authenticated call renews it, so a session nobody uses ends on its own.
 */
@ApplicationScoped
public class SessionStore {

    private static final String SESSION = "auth:session:";
    private static final String ACCOUNT_SESSIONS = "auth:account-sessions:";

    private final Redis client;
    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keys;
    private final Clock clock;
    private final Duration idleTimeout;

    public SessionStore(RedisDataSource redis, Redis client, Clock clock, AuthConfig config) {
        this.client = client;
        this.sets = redis.set(String.class);
        this.keys = redis.key(String.class);
        this.clock = clock;
        this.idleTimeout = config.token().idleTimeout();
    }

    public void open(LoginSession session) {
        long ttl = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        long idle = Math.min(ttl, idleTimeout.toSeconds());
        String index = ACCOUNT_SESSIONS + session.accountId();
        atomically(Request.cmd(Command.SETEX).arg(SESSION + session.id()).arg(idle).arg(session.userId()),
                Request.cmd(Command.SADD).arg(index).arg(session.id()),
                Request.cmd(Command.EXPIRE).arg(index).arg(ttl));
    }

    /** Whether the session is live; if it is, this call counts as activity (one round trip either way). */
    public boolean isActive(String sessionId) {
        return RedisGuard.call(() -> keys.expire(SESSION + sessionId, idleTimeout.toSeconds()));
    }

    public void close(String sessionId, long accountId) {
        atomically(Request.cmd(Command.DEL).arg(SESSION + sessionId),
                Request.cmd(Command.SREM).arg(ACCOUNT_SESSIONS + accountId).arg(sessionId));
    }

    /** Ends every session of the account, e.g. when it is disabled. Returns how many were live. */
    public int closeAll(long accountId) {
        return RedisGuard.call(() -> {
            Set<String> ids = sets.smembers(ACCOUNT_SESSIONS + accountId);
            String[] toDelete = ids.stream().map(id -> SESSION + id).toArray(String[]::new);
            int closed = toDelete.length == 0 ? 0 : keys.del(toDelete);
            keys.del(ACCOUNT_SESSIONS + accountId);
            return closed;
        });
    }

    /** Ends every session of the account except one (after a password change, the one that made it). */
    public void closeAllExcept(long accountId, String keepSessionId) {
        RedisGuard.run(() -> {
            String[] others = sets.smembers(ACCOUNT_SESSIONS + accountId).stream()
                    .filter(id -> !id.equals(keepSessionId)).toArray(String[]::new);
            if (others.length > 0) {
                keys.del(Arrays.stream(others).map(id -> SESSION + id).toArray(String[]::new));
                sets.srem(ACCOUNT_SESSIONS + accountId, others);
            }
        });
    }

    /**
     * MULTI, the commands and EXEC sent as one pipelined batch: the same all-or-nothing write as a
     * transaction, in one round trip instead of one per command and per QUEUED reply.
     */
    private void atomically(Request... commands) {
        List<Request> batch = new ArrayList<>(commands.length + 2);
        batch.add(Request.cmd(Command.MULTI));
        batch.addAll(Arrays.asList(commands));
        batch.add(Request.cmd(Command.EXEC));
        RedisGuard.run(() -> client.batchAndAwait(batch));
    }
}
