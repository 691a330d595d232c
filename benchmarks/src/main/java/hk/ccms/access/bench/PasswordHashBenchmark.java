package hk.ccms.access.bench;

import hk.ccms.access.auth.service.Argon2Engine;
import hk.ccms.access.auth.service.Argon2idHasher;
import hk.ccms.access.auth.service.BouncyCastleArgon2;
import hk.ccms.access.auth.service.NativeArgon2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One Argon2id password check, exactly as the password step runs it: the floor of a login's CPU.
 * Several forks, because the spread is between JVM starts rather than within one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(5)
@Threads(1)
public class PasswordHashBenchmark {

    private static final String PASSWORD = "Tide-Lantern-Orchid-42";

    /** memoryKib:iterations: the OWASP setting the service uses, and Keycloak's default for comparison. */
    @Param({"19456:2", "7168:5"})
    public String parameters;

    @Param({"libargon2", "bouncy-castle"})
    public String engine;

    private Argon2idHasher hasher;
    private String stored;

    @Setup
    public void setUp() {
        String[] values = parameters.split(":");
        Argon2Engine chosen = engine.equals("libargon2")
                ? NativeArgon2.load().orElseThrow(() -> new IllegalStateException("libargon2 is not installed"))
                : new BouncyCastleArgon2();
        hasher = new Argon2idHasher(chosen, Integer.parseInt(values[0]), Integer.parseInt(values[1]), 1);
        stored = hasher.hash(PASSWORD);
    }

    @Benchmark
    public boolean verifyPassword() {
        return hasher.verify(PASSWORD, stored);
    }
}
