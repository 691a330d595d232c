package hk.ccms.access.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "ccms.auth")
public interface AuthConfig {

    /** Id of the data centre this instance runs in (PDC or SDC). */
    @NotBlank
    String dataCentre();

    Token token();

    Web web();

    Keys keys();

    Password password();

    Lockout lockout();

    DemoAccounts demoAccounts();

    Initiation initiation();

    Administration administration();

    Notifications notifications();

    Smartcard smartcard();

    DatacentreState datacentreState();

    /** Where this instance learns whether its data centre is active (datacentre-state of the same data centre). */
    interface DatacentreState {
        /** datacentre-state's base URL; none: a single data centre that is always active (tests of this module). */
        Optional<String> url();

        /** How often the state is read. */
        @WithDefault("1s")
        Duration refreshInterval();

        /** Older than this, the last state read is not trusted: logins and writes are refused (fail closed). */
        @WithDefault("5s")
        Duration maxStaleness();
    }

    Cutover cutover();

    Replication replication();

    /** Account set-up shipped to the peer data centre's auth-service (DESIGN §4). */
    interface Replication {
        /** The peer's auth-service base URL; none: a single data centre, nothing is shipped. */
        Optional<String> peerUrl();

        /** How often pending changes are shipped: the floor of the replication lag. */
        @WithDefault("200ms")
        Duration shipInterval();

        /** Changes per batch; a batch is applied at the peer in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long a call to the peer may take. */
        @WithDefault("5s")
        Duration peerTimeout();
    }

    /** Smartcard login: which card certificates are trusted and how their revocation is checked. */
    interface Smartcard {
        /** PEM files with the trust anchors (the card CA's root); none: smartcard login is refused as not configured. */
        Optional<List<String>> trustAnchors();

        /**
         * PEM files with the card PKI's intermediate CAs: a browser sends only the card when the TLS
         * handshake names its CA as acceptable, and the path is completed from these (and validated like the rest).
         */
        Optional<List<String>> intermediates();

        /** CRLs: PEM or DER files, or http(s) URLs (CRL distribution points); re-read every {@link #crlRefreshInterval()}. */
        Optional<List<String>> crlSources();

        /** A certificate-policy OID every card must carry; none: no policy is required. */
        Optional<String> requiredPolicy();

        @WithDefault("PT15M")
        Duration crlRefreshInterval();

        /** A CRL past its nextUpdate refuses every card it covers (fail closed) unless this is false. */
        @WithDefault("true")
        boolean failClosedOnStaleCrl();

        /** Lifetime of a login challenge. */
        @WithDefault("PT2M")
        Duration challengeTtl();
    }

    /** Defaults for the cut-over from smartcard to OTP login; operators override them per portal and role. */
    interface Cutover {
        /** Go-live: smartcard login is refused from this instant. None: no end yet. */
        Optional<Instant> smartcardUntil();

        /** OTP login is allowed from this instant. None: already allowed. */
        Optional<Instant> otpFrom();
    }

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

        /** A session with no authenticated call for this long ends, whatever its token's expiry says. */
        @WithDefault("PT10M")
        Duration idleTimeout();

        /** Lifetime of the tokens this service presents to other services. */
        @WithDefault("PT2M")
        Duration serviceTokenLifetime();
    }

    interface Web {
        /** The HTTPS address of the smartcard login page (the card is the TLS client certificate); none: not offered. */
        Optional<String> smartcardLoginUrl();

        /** This data centre's operations console (datacentre-state), where an operator lands after signing in. */
        @WithDefault("http://127.0.0.1:8083/console/")
        String operationsConsoleUrl();
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

        /** Threads that compute hashes; 0 means one per two available cores, at least one. */
        @Min(0)
        @WithDefault("0")
        int hashingThreads();

        /**
         * Hash requests allowed to wait for a thread before the service answers 503; 0 means eight
         * per hashing thread, which bounds the wait to about eight hash times (under 0.2 s).
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

        /** A directory of {@code <USERID>.pem} card certificate chains registered to the demo accounts. */
        Optional<String> cardsDir();
    }
}
