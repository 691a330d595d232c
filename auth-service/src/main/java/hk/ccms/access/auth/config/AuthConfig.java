package hk.ccms.access.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "ccms.auth")
public interface AuthConfig {

    /** Id of the data centre this instance runs in (PDC or SDC). */
    @NotBlank
    String dataCentre();

    Token token();

    Keys keys();

    Password password();

    Lockout lockout();

    DemoAccounts demoAccounts();

    Initiation initiation();

    Administration administration();

    Notifications notifications();

    interface Initiation {
        /** Time a person has, once the activation code is proven, to choose a channel and a password. */
        @WithDefault("PT15M")
        Duration completionWindow();
    }

    interface Administration {
        /** How long a maker-checker request waits for the second Delegated Administrator. */
        @WithDefault("P7D")
        Duration requestLifetime();

        /** Largest page of users a Delegated Administrator can ask for. */
        @Min(1)
        @Max(500)
        @WithDefault("100")
        int maxPageSize();
    }

    interface Notifications {
        /** How often queued account-change e-mails are looked for. */
        @WithDefault("2s")
        Duration pollInterval();

        @Min(1)
        @WithDefault("20")
        int batchSize();

        /** First wait after a failed send; doubles per failure up to {@link #retryMax()}. */
        @WithDefault("PT5S")
        Duration retryMin();

        @WithDefault("PT15M")
        Duration retryMax();

        /** A claimed notification is not claimed again before this, so two instances do not both send it. */
        @WithDefault("PT1M")
        Duration claimLease();
    }

    interface Token {
        /** {@code iss} of every token this service signs. */
        @NotBlank
        String issuer();

        /** Lifetime of a person's access token and of its server-side session. */
        @WithDefault("PT15M")
        Duration lifetime();

        /** Lifetime of the tokens this service presents to other services. */
        @WithDefault("PT2M")
        Duration serviceTokenLifetime();
    }

    interface Keys {
        /** Base64 of 32 bytes: the key-encryption key for signing keys at rest. Required in production. */
        @NotBlank
        String wrappingKey();
    }

    interface Password {
        /** Argon2id memory cost (KiB); OWASP: 19456. */
        @Min(8192)
        @WithDefault("19456")
        int memoryKib();

        @Min(1)
        @WithDefault("2")
        int iterations();

        @Min(1)
        @Max(16)
        @WithDefault("1")
        int parallelism();

        /** Which Argon2 implementation computes hashes; AUTO takes libargon2 when it loads. */
        @WithDefault("auto")
        Engine engine();

        @Min(12)
        @WithDefault("12")
        int minLength();

        @Max(1024)
        @WithDefault("128")
        int maxLength();

        /** Threads that compute hashes; 0 means one per available core. */
        @Min(0)
        @WithDefault("0")
        int hashingThreads();

        /**
         * Hash requests allowed to wait for a thread before the service answers 503; 0 means four
         * per hashing thread, which bounds the wait to about four hash times.
         */
        @Min(0)
        @WithDefault("0")
        int hashingQueue();
    }

    enum Engine { AUTO, NATIVE, JAVA }

    interface Lockout {
        /** Consecutive failed password or code attempts that lock an account. */
        @Min(1)
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration duration();
    }

    interface DemoAccounts {
        /** Seeds the documented demo accounts at start-up; for the local run only. */
        @WithDefault("false")
        boolean enabled();

        /** Extra enrolled users LOAD00001… for the load harness. */
        @WithDefault("0")
        int loadUsers();

        Optional<String> password();
    }
}
