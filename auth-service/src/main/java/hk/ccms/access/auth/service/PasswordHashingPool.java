package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Password hashing is the one expensive step of a login. It runs on a small pool with a bounded
 * queue, so that a burst never oversubscribes the CPU: when the queue is full the caller gets 503
 * with Retry-After instead of waiting without limit. By default the pool has one thread per two
 * cores: the hash is only part of a login's CPU, and two Argon2 instances side by side fight over
 * the memory bandwidth. On two cores one hashing thread served 27–36 logins/s at 38–49 ms of CPU
 * per login where two threads served 23–33 at 49–59 ms, and it keeps one 19 MiB working buffer
 * instead of two (BENCHMARKS.md).
 */
@ApplicationScoped
public class PasswordHashingPool {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final int CORES_PER_THREAD = 2;
    private static final int QUEUE_PER_THREAD = 8;

    private final ThreadPoolExecutor executor;
    private final Counter computed;

    public PasswordHashingPool(AuthConfig config, MeterRegistry metrics) {
        int threads = config.password().hashingThreads() > 0
                ? config.password().hashingThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / CORES_PER_THREAD);
        AtomicInteger counter = new AtomicInteger();
        int queue = config.password().hashingQueue() > 0 ? config.password().hashingQueue() : QUEUE_PER_THREAD * threads;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, "password-hashing-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        Gauge.builder("ccms.password.hashing.queue", executor, pool -> pool.getQueue().size())
                .description("Password hash computations waiting for a core").register(metrics);
        this.computed = Counter.builder("ccms.password.hashing.computed")
                .description("Password hashes computed, including those against the dummy hash").register(metrics);
    }

    public <T> T run(Supplier<T> hashing) {
        Future<T> future;
        try {
            future = executor.submit(() -> {
                T result = hashing.get();
                computed.increment();
                return result;
            });
        } catch (RejectedExecutionException overloaded) {
            throw new ProblemException(CommonProblemType.OVERLOADED,
                    "Too many sign-in attempts are being processed; try again shortly.", RETRY_AFTER);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
