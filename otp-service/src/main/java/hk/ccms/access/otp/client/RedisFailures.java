package hk.ccms.access.otp.client;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells a Redis error reply (the server answered, so a command or script is wrong: a bug, left to
 * the 500 mapper) from Redis being unreachable or too slow, which callers see as
 * {@code dependency-unavailable} with a hint when to retry.
 */
final class RedisFailures {

    private static final Logger LOG = Logger.getLogger(RedisFailures.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private RedisFailures() {
    }

    static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isErrorReply(e, "")) {
                throw e;
            }
            LOG.warnf("Redis is unavailable: %s", e.toString());
            throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The one-time code store is temporarily unavailable.", RETRY_AFTER);
        }
    }

    /** Whether {@code failure} is an error reply from the server whose message starts with {@code prefix}. */
    static boolean isErrorReply(Throwable failure, String prefix) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Response reply && reply.type() == ResponseType.ERROR) {
                return String.valueOf(t.getMessage()).startsWith(prefix);
            }
        }
        return false;
    }
}
