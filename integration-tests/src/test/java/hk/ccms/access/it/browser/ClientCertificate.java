package hk.ccms.access.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A client certificate (a smartcard's key and chain) that one {@link Browser} presents to one origin, as Chromium on
 * Linux does it:
 * <ul>
 *   <li>Chromium takes client certificates from the NSS database {@code $HOME/.pki/nssdb}: the browser gets a HOME
 *       of its own (inside its profile) whose database holds just this key and chain, imported as PKCS#12 with
 *       Debian libnss3-tools' {@code certutil} and {@code pk12util} (installed by .ci/run);</li>
 *   <li>when a server asks for a certificate and the store has one, Chromium asks the person to choose, and headless
 *       Chromium, with no dialog to show, waits for ever (the page never loads). The
 *       {@code auto_select_certificate} content setting of the profile, which the enterprise policy
 *       AutoSelectCertificateForUrls otherwise fills, makes it choose without asking; written into the fresh
 *       profile's {@code Default/Preferences}, it needs no policy file under /etc.</li>
 * </ul>
 */
final class ClientCertificate {

    private static final File CERTUTIL = new File("/usr/bin/certutil");
    private static final File PK12UTIL = new File("/usr/bin/pk12util");

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String origin;

    /** {@code chain} leaf first; {@code origin} as {@code https://host:port}. */
    ClientCertificate(PrivateKey key, List<X509Certificate> chain, String origin) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.origin = origin;
    }

    /** Prepares {@code profile} (a new, empty user-data-dir) and returns the HOME the browser must run with. */
    Path installIn(Path profile) {
        if (!CERTUTIL.canExecute() || !PK12UTIL.canExecute()) {
            throw new IllegalStateException("A browser with a client certificate needs " + CERTUTIL + " and " + PK12UTIL
                    + ": install Debian's libnss3-tools (as .ci/run does)");
        }
        try {
            Path home = Files.createDirectories(profile.resolve("home"));
            Path nssdb = Files.createDirectories(home.resolve(".pki").resolve("nssdb"));
            Path pkcs12 = home.resolve("card.p12");
            String password = UUID.randomUUID().toString();
            writePkcs12(pkcs12, password);
            run(CERTUTIL.getPath(), "-N", "--empty-password", "-d", "sql:" + nssdb);
            run(PK12UTIL.getPath(), "-i", pkcs12.toString(), "-d", "sql:" + nssdb, "-W", password);
            Files.delete(pkcs12);
            // Any certificate of the store (it holds just this one) for pages of the origin, whatever frame they are in.
            String preferences = "{\"profile\":{\"content_settings\":{\"exceptions\":{\"auto_select_certificate\":{\""
                    + origin + ",*\":{\"setting\":{\"filters\":[{}]}}}}}}}";
            Files.writeString(Files.createDirectories(profile.resolve("Default")).resolve("Preferences"), preferences);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writePkcs12(Path file, String password) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("card", key, password.toCharArray(), chain.toArray(X509Certificate[]::new));
            store.store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not write the client certificate as PKCS#12", e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command[0], e);
        } finally {
            process.destroy();
        }
    }
}
