package hk.ccms.access.auth.service;

import hk.ccms.access.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Hashes and checks passwords on the bounded hashing pool. Checking against an absent hash still
 * costs one full hash (against a dummy made at start-up with the current parameters), so an
 * unknown user ID takes as long as a wrong password.
 */
@ApplicationScoped
public class Passwords {

    private static final Logger LOG = Logger.getLogger(Passwords.class);

    private final Argon2idHasher hasher;
    private final PasswordHashingPool pool;
    private final String dummyHash;

    public Passwords(AuthConfig config, PasswordHashingPool pool) {
        AuthConfig.Password password = config.password();
        Argon2Engine engine = switch (password.engine()) {
            case JAVA -> new BouncyCastleArgon2();
            case NATIVE -> NativeArgon2.load().orElseThrow(() ->
                    new IllegalStateException("ccms.auth.password.engine=native but libargon2 cannot be loaded"));
            case AUTO -> NativeArgon2.load().<Argon2Engine>map(loaded -> loaded).orElseGet(BouncyCastleArgon2::new);
        };
        LOG.infof("Password hashing: Argon2id m=%d KiB t=%d p=%d with %s", password.memoryKib(), password.iterations(),
                password.parallelism(), engine.name());
        this.hasher = new Argon2idHasher(engine, password.memoryKib(), password.iterations(), password.parallelism());
        this.pool = pool;
        // On the pool like every other hash: a hashing engine may keep working memory per thread (NativeArgon2).
        this.dummyHash = pool.run(() -> hasher.hash("dummy password that matches no account"));
    }

    /** @param storedHash the account's hash, or null when there is no such account or no password */
    public boolean matches(String candidate, String storedHash) {
        boolean matches = pool.run(() -> hasher.verify(candidate, storedHash == null ? dummyHash : storedHash));
        return matches && storedHash != null;
    }

    public String hash(String password) {
        return pool.run(() -> hasher.hash(password));
    }

    public boolean needsRehash(String storedHash) {
        return hasher.needsRehash(storedHash);
    }
}
