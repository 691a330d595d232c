package hk.ccms.access.common.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown by service code to answer with a problem document. Stack traces are never rendered;
 * the exception exists only to unwind to the mapper.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, Duration retryAfter) {
        super(type.slug() + ": " + detail, null, false, false);
        this.problem = Problem.of(type, detail);
        this.retryAfter = retryAfter;
        if (retryAfter != null) {
            problem.with("retryAfterSeconds", retryAfterSeconds(retryAfter));
        }
    }

    public Problem problem() {
        return problem;
    }

    public boolean is(ProblemType type) {
        return type.uri().equals(problem.getType());
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public ProblemException with(String name, Object value) {
        problem.with(name, value);
        return this;
    }

    static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
