package hk.ccms.access.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * Random keys the local run needs at rest (key wrapping, code hashing, the PKI's key stores, the data-centre link):
 * made once per data directory and kept in {@code local-secrets.properties} there, so that a restarted local run
 * can still read what it stored. A data directory from before a key existed gets that key added.
 */
final class LocalSecrets {

    private static final String FILE = "local-secrets.properties";

    private final Properties keys;

    private LocalSecrets(Properties keys) {
        this.keys = keys;
    }

    /** The kept keys {@code names} of {@code directory}, each a random 32 bytes in base64 when first asked for. */
    static LocalSecrets in(Path directory, List<String> names) {
        Path file = directory.resolve(FILE);
        Properties keys = new Properties();
        try {
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    keys.load(in);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean added = false;
            for (String name : names) {
                if (!keys.containsKey(name)) {
                    keys.setProperty(name, randomKey(random));
                    added = true;
                }
            }
            if (added) {
                Files.createDirectories(directory);
                try (var out = Files.newOutputStream(file)) {
                    keys.store(out, "Local-run secrets; production takes them from its secret store");
                }
            }
            return new LocalSecrets(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String name) {
        String key = keys.getProperty(name);
        if (key == null) {
            throw new IllegalArgumentException("No local secret " + name + " was asked for");
        }
        return key;
    }

    private static String randomKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
