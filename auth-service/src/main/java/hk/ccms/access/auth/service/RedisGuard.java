package hk.ccms.access.auth.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/** Turns a failed Redis call into a clear, retryable 503 instead of an unexplained 500. */
final class RedisGuard {

    private static final Logger LOG = Logger.getLogger(RedisGuard.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private RedisGuard() {
    }

    static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ProblemException problem) {
            throw problem;
        } catch (RuntimeException e) {
            LOG.warnf("Redis unavailable: %s", e.getClass().getSimpleName());
            throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The session store is unavailable; try again shortly.", RETRY_AFTER);
        }
    }

    static void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
