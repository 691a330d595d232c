package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.KeyAlgorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real software smartcard: a SoftHSM2 token (Debian {@code softhsm2}) driven through the JDK's SunPKCS11
 * provider. Card keys are generated on the token and never leave it; signatures are made by the token.
 *
 * <h2>How the PKCS#11 library finds this token's directory</h2>
 * SoftHSM reads its configuration once, in {@code C_Initialize}, from the file named by the environment variable
 * {@code SOFTHSM2_CONF}, else {@code $HOME/.config/softhsm2/softhsm2.conf}, else {@code /etc/softhsm/softhsm2.conf}
 * ({@code SimpleConfigLoader::getConfigPath} in SoftHSMv2), and builds its slot list only then. A JVM cannot set its
 * own environment, and one loaded copy of the library is initialised once per process. So that every token works
 * in any JVM (a {@code @QuarkusTest} of another module included) without a setting in that module's pom:
 * <ol>
 *   <li>the token's own {@code softhsm2.conf} (token directory under {@code dir}) is copied, just for the moment of
 *       {@code C_Initialize}, to the file the library will read: {@code $SOFTHSM2_CONF} when the JVM has it, else
 *       {@code ~/.config/softhsm2/softhsm2.conf}; the copy is removed right after, and a file there that this
 *       class did not write is never overwritten (set {@code SOFTHSM2_CONF} for the JVM to a free path instead);</li>
 *   <li>each token gets its own copy of {@code libsofthsm2.so}: the dynamic loader treats a different file as a
 *       different library, so each copy runs its own {@code C_Initialize} and sees only its own token. The copy is
 *       deleted once loaded (the mapping stays).</li>
 * </ol>
 * Both steps run under a lock held in this JVM and across processes ({@code java.io.tmpdir}), so that two test JVMs
 * starting tokens at once do not read each other's configuration. {@code softhsm2-util} is always run with
 * {@code SOFTHSM2_CONF} pointing at the token's own file.
 */
public final class SoftHsmToken implements AutoCloseable {

    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final String UTILITY = "softhsm2-util";
    private static final String CONFIG_FILE = "softhsm2.conf";
    private static final String MARKER = "# Written by hk.ccms.access.infra.smartcard.SoftHsmToken for one C_Initialize; removed after it.";
    private static final Path CROSS_PROCESS_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "ccms-softhsm2-init.lock");
    private static final Pattern SLOT = Pattern.compile("^Slot (\\d+)\\s*$");
    private static final Pattern LABEL = Pattern.compile("^\\s+Label:\\s*(.*?)\\s*$");
    private static final Pattern INITIALIZED = Pattern.compile("^\\s+Initialized:\\s*yes\\s*$");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path directory;
    private final String label;
    private final Provider provider;
    private final KeyStore keyStore;
    private final char[] pin;
    /** Keys generated on the token and waiting for their certificate (a key without one is not a keystore entry). */
    private final Map<String, KeyPair> pending = new ConcurrentHashMap<>();

    private SoftHsmToken(Path directory, String label, Provider provider, KeyStore keyStore, char[] pin) {
        this.directory = directory;
        this.label = label;
        this.provider = provider;
        this.keyStore = keyStore;
        this.pin = pin;
    }

    /** True when SoftHSM2's PKCS#11 library and {@code softhsm2-util} are installed ({@code apt-get install softhsm2}). */
    public static boolean available() {
        return library().isPresent() && utility().isPresent();
    }

    /** Initialises a new token {@code label} in {@code dir} (its own configuration and token directory) and logs in. */
    public static SoftHsmToken create(Path dir, String label, String pin) {
        requireAvailable();
        Path directory = dir.toAbsolutePath();
        Path config = directory.resolve(CONFIG_FILE);
        try {
            Files.createDirectories(directory.resolve("tokens"));
            Files.writeString(config, """
                    # A SoftHSM2 configuration of one test token directory (hk.ccms.access.infra.smartcard.SoftHsmToken).
                    directories.tokendir = %s
                    objectstore.backend = file
                    log.level = ERROR
                    slots.removable = false
                    """.formatted(directory.resolve("tokens")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
        if (slots(config).stream().anyMatch(slot -> slot.label().equals(label))) {
            throw new IllegalStateException(directory + " has a token " + label + " already: open it instead");
        }
        // Nobody administers a test token, so its security officer PIN is random and forgotten.
        String soPin = randomHex(8);
        run(config, "--init-token", "--free", "--label", label, "--so-pin", soPin, "--pin", pin);
        return connect(directory, label, pin);
    }

    /** The token {@link #create} made in {@code dir} (its only initialised token), logged in with {@code pin}. */
    public static SoftHsmToken open(Path dir, String pin) {
        requireAvailable();
        Path directory = dir.toAbsolutePath();
        Path config = directory.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException(directory + " is not a SoftHSM token directory (no " + CONFIG_FILE + ")");
        }
        List<Slot> tokens = slots(config).stream().filter(Slot::initialized).toList();
        if (tokens.size() != 1) {
            throw new IllegalStateException(directory + " holds " + tokens.size() + " tokens; expected one");
        }
        return connect(directory, tokens.get(0).label(), pin);
    }

    public Path directory() {
        return directory;
    }

    public String label() {
        return label;
    }

    /** The token's SunPKCS11 provider, also registered with {@link Security} (see {@link #connect}). */
    public Provider provider() {
        return provider;
    }

    /** The token as a logged-in {@code PKCS11} KeyStore: one entry per card (key and chain). */
    public KeyStore keyStore() {
        return keyStore;
    }

    public List<String> aliases() {
        try {
            return Collections.list(keyStore.aliases());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Generates a card key pair on the token and returns its public key, for {@code TestPki.issueCard(userId, publicKey)}. */
    public PublicKey generateCardKey(String alias, KeyAlgorithm algorithm) {
        KeyPair keys = algorithm.generate(provider);
        pending.put(alias, keys);
        return keys.getPublic();
    }

    /** Stores the certificate chain (leaf first) issued for the key {@link #generateCardKey} made under {@code alias}. */
    public void storeCertificate(String alias, X509Certificate[] chain) {
        KeyPair keys = pending.get(alias);
        if (keys == null) {
            throw new IllegalStateException("No key was generated on the token under " + alias);
        }
        if (!Arrays.equals(keys.getPublic().getEncoded(), chain[0].getPublicKey().getEncoded())) {
            throw new IllegalArgumentException("The certificate for " + alias + " is not for the key generated on the token");
        }
        storeCertificate(alias, keys.getPrivate(), chain);
        pending.remove(alias);
    }

    /**
     * Stores a key and its chain under {@code alias}: the token's own key (from {@link #generateCardKey}), or a
     * software key (a demo key file), which is then imported onto the token as a non-extractable key.
     */
    public void storeCertificate(String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            keyStore.setKeyEntry(alias, key, pin, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token refused the card " + alias, e);
        }
    }

    /** Signs with the card {@code alias} using its default algorithm (RS256 for RSA, ES256 for EC). */
    public CardSigner signer(String alias) {
        List<X509Certificate> chain = chain(alias);
        return signer(alias, SignatureAlgorithm.defaultFor(chain.get(0).getPublicKey().getAlgorithm()));
    }

    /** Signs with the card {@code alias}; the signature is made on the token. */
    public CardSigner signer(String alias, SignatureAlgorithm algorithm) {
        if (!supports(algorithm)) {
            throw new IllegalStateException("The token cannot make " + algorithm + " signatures");
        }
        return new CardSigner(privateKey(alias), chain(alias), algorithm, provider);
    }

    /** Whether the token offers the mechanism for {@code algorithm} (RSASSA-PSS is optional in PKCS#11 tokens). */
    public boolean supports(SignatureAlgorithm algorithm) {
        try {
            algorithm.newSignature(provider);
            return true;
        } catch (NoSuchAlgorithmException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A handle to the card's key on the token (the key itself cannot be read). */
    public PrivateKey privateKey(String alias) {
        try {
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, pin);
            if (key == null) {
                throw new IllegalArgumentException("No card " + alias + " on token " + label + "; it holds " + aliases());
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = keyStore.getCertificateChain(alias);
            if (chain == null) {
                throw new IllegalArgumentException("No card " + alias + " on token " + label + "; it holds " + aliases());
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs out and unregisters the provider. */
    @Override
    public void close() {
        try {
            if (provider instanceof AuthProvider authProvider) {
                authProvider.logout();
            }
        } catch (javax.security.auth.login.LoginException e) {
            // logging out of a token that is going away: nothing to recover
        }
        Security.removeProvider(provider.getName());
    }

    /**
     * Loads a private copy of the library for this token (see the class comment) and logs in. The provider is also
     * registered with {@link Security}: JSSE looks for a provider that accepts a key by asking the registered ones,
     * so a TLS client certificate on the token ({@link CardTls}) only works when it is there.
     */
    private static SoftHsmToken connect(Path directory, String label, String pin) {
        Path config = directory.resolve(CONFIG_FILE);
        long slot = slots(config).stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No token " + label + " in " + directory)).id();
        String name = "CCMS-" + label.replaceAll("[^A-Za-z0-9]", "") + "-" + INSTANCES.incrementAndGet();
        Provider provider = initialise(directory, config, name, slot);
        Security.addProvider(provider);
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin.toCharArray());
            return new SoftHsmToken(directory, label, provider, keyStore, pin.toCharArray());
        } catch (IOException e) {
            Security.removeProvider(provider.getName());
            throw new IllegalArgumentException("Cannot log in to token " + label + " (wrong PIN?)", e);
        } catch (GeneralSecurityException e) {
            Security.removeProvider(provider.getName());
            throw new IllegalStateException(e);
        }
    }

    private static Provider initialise(Path directory, Path config, String name, long slot) {
        // Keys are generated and imported sensitive and unextractable: the card's key never leaves the token.
        String template = """
                --name = %s
                library = %s
                slot = %d
                attributes(generate, CKO_PRIVATE_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                attributes(import, CKO_PRIVATE_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """;
        synchronized (SoftHsmToken.class) {
            try (FileChannel channel = FileChannel.open(CROSS_PROCESS_LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lock(channel)) {
                Path bootstrap = bootstrapConfig();
                List<Path> createdDirectories = claim(bootstrap);
                Path library = directory.resolve(".libsofthsm2-" + name + ".so");
                try {
                    Files.writeString(bootstrap, MARKER + "\n" + Files.readString(config));
                    Files.copy(library().orElseThrow(), library, StandardCopyOption.REPLACE_EXISTING);
                    return Security.getProvider("SunPKCS11").configure(template.formatted(name, library, slot));
                } finally {
                    Files.deleteIfExists(library);
                    Files.deleteIfExists(bootstrap);
                    for (Path created : createdDirectories) {
                        deleteIfEmpty(created);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load SoftHSM for " + directory, e);
            }
        }
    }

    /**
     * A file lock blocks other processes but not this JVM, where a second attempt fails at once instead; that
     * happens when this class is loaded twice (Quarkus tests have their own class loader), so wait it out.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting to initialise SoftHSM", e);
                }
            }
        }
    }

    /** The file SoftHSM's {@code C_Initialize} will read in this process (see the class comment). */
    private static Path bootstrapConfig() {
        String explicit = System.getenv("SOFTHSM2_CONF");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = System.getenv("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home, ".config", "softhsm2", CONFIG_FILE);
    }

    /** Makes sure {@code bootstrap} is ours to write; returns the directories made for it, deepest first. */
    private static List<Path> claim(Path bootstrap) throws IOException {
        if (Files.exists(bootstrap) && !Files.readString(bootstrap).startsWith(MARKER)) {
            throw new IllegalStateException(bootstrap + " is somebody's SoftHSM configuration, which SoftHsmToken will not"
                    + " overwrite. Give this JVM SOFTHSM2_CONF=<a writable file that does not exist>, e.g. in surefire's"
                    + " <environmentVariables><SOFTHSM2_CONF>${project.build.directory}/softhsm2-bootstrap.conf"
                    + "</SOFTHSM2_CONF></environmentVariables>");
        }
        List<Path> created = new ArrayList<>();
        for (Path parent = bootstrap.toAbsolutePath().getParent(); parent != null && !Files.exists(parent); parent = parent.getParent()) {
            created.add(parent);
        }
        Files.createDirectories(bootstrap.toAbsolutePath().getParent());
        return created;
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException somebodyElses) {
            // something else was put there meanwhile: it stays
        }
    }

    private record Slot(long id, String label, boolean initialized) {
    }

    /** The slots {@code softhsm2-util --show-slots} reports under {@code config}. */
    private static List<Slot> slots(Path config) {
        List<Slot> slots = new ArrayList<>();
        Long id = null;
        String label = "";
        boolean initialized = false;
        for (String line : run(config, "--show-slots").split("\n")) {
            Matcher slot = SLOT.matcher(line);
            if (slot.matches()) {
                if (id != null) {
                    slots.add(new Slot(id, label, initialized));
                }
                id = Long.parseLong(slot.group(1));
                label = "";
                initialized = false;
            }
            Matcher labelLine = LABEL.matcher(line);
            if (labelLine.matches()) {
                label = labelLine.group(1);
            }
            initialized |= INITIALIZED.matcher(line).matches();
        }
        if (id != null) {
            slots.add(new Slot(id, label, initialized));
        }
        return slots;
    }

    /** Runs {@code softhsm2-util} on the token directory of {@code config}; arguments (PINs) are kept out of errors. */
    private static String run(Path config, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(utility().orElseThrow().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", config.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(UTILITY + " " + arguments[0] + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + UTILITY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static Optional<Path> library() {
        return LIBRARIES.stream().filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> utility() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/bin:/usr/local/bin";
        return Stream.of(path.split(":"))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, UTILITY))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void requireAvailable() {
        if (!available()) {
            throw new IllegalStateException("SoftHSM2 is not installed: apt-get install -y softhsm2");
        }
    }
}
