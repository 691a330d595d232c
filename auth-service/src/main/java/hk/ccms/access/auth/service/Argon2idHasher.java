package hk.ccms.access.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashing in PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64). Passwords are NFKC
 * normalised (NIST SP 800-63B §5.1.1.2) and never truncated. Plain Java so that the JMH
 * benchmark measures exactly what a login runs; the Argon2 computation itself is delegated to an
 * {@link Argon2Engine}, and both engines produce identical output.
 */
public final class Argon2idHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final Argon2Engine engine;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public Argon2idHasher(Argon2Engine engine, int memoryKib, int iterations, int parallelism) {
        this.engine = engine;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** False for a wrong password and for anything that is not a PHC Argon2id string. */
    public boolean verify(String password, String phc) {
        Optional<Parsed> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed stored = parsed.get();
        byte[] candidate = derive(password, stored.salt, stored.memoryKib, stored.iterations, stored.parallelism, stored.hash.length);
        return MessageDigest.isEqual(candidate, stored.hash);
    }

    /** True when the stored hash was made with other parameters than the current ones. */
    public boolean needsRehash(String phc) {
        return parse(phc)
                .map(stored -> stored.memoryKib != memoryKib || stored.iterations != iterations || stored.parallelism != parallelism)
                .orElse(true);
    }

    public String engineName() {
        return engine.name();
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] normalised = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        return engine.derive(normalised, salt, memoryKib, iterations, parallelism, length);
    }

    private static Optional<Parsed> parse(String phc) {
        if (phc == null) {
            return Optional.empty();
        }
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), DECODER.decode(matcher.group(4)), DECODER.decode(matcher.group(5))));
    }

    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }
}
