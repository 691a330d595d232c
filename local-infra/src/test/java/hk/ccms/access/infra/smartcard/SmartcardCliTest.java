package hk.ccms.access.infra.smartcard;

import hk.ccms.access.infra.pki.KeyAlgorithm;
import hk.ccms.access.infra.pki.PkiFiles;
import hk.ccms.access.infra.pki.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The smartcard login by hand: key files or a token, a challenge signed, the token response printed. */
class SmartcardCliTest {

    @TempDir
    static Path directory;
    private static PkiFiles files;
    private static FakeAuthService auth;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = TestPki.generate();
        files = pki.write(directory, "secret");
        pki.issueCard("ALICE01", KeyAlgorithm.RSA_2048, Duration.ofDays(1)).write(files.cards());
        pki.issueCard("CAROL02", KeyAlgorithm.EC_P256, Duration.ofDays(1)).write(files.cards());
        auth = FakeAuthService.http();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void logsInWithADemoKeyFileAndPrintsTheTokenResponse() {
        assertEquals(0, run("--url", auth.url(), "--user", "ALICE01", "--password", FakeAuthService.PASSWORD,
                "--key", files.keyOf("ALICE01").toString(), "--chain", files.chainOf("ALICE01").toString()), err());
        assertTrue(out().contains("\"accessToken\":\"sc-ALICE01-RS256\""), out());

        assertEquals(0, run("--url", auth.url(), "--user", "CAROL02", "--password", FakeAuthService.PASSWORD,
                "--key", files.keyOf("CAROL02").toString(), "--chain", files.chainOf("CAROL02").toString()), err());
        assertTrue(out().contains("sc-CAROL02-ES256"), out());
    }

    @Test
    void aRefusalExitsWithOneAndShowsTheProblem() {
        assertEquals(1, run("--url", auth.url(), "--user", "ALICE01", "--password", "wrong",
                "--key", files.keyOf("ALICE01").toString(), "--chain", files.chainOf("ALICE01").toString(), "--algorithm", "PS256"));
        assertTrue(err().contains("HTTP 401") && err().contains("smartcard-login-failed"), err());
    }

    @Test
    void badUsageExitsWithTwoAndPrintsTheUsage() {
        assertEquals(2, run("--user", "ALICE01", "--password", "x"));
        assertTrue(err().contains("Missing --chain") && err().contains("Usage: SmartcardCli"), err());
        assertEquals(2, run("--frobnicate"));
        assertEquals(0, run("--help"));
        assertTrue(out().contains("--pkcs11 DIR --alias ALIAS"));
    }

    @Test
    void importsADemoCardOntoASoftHsmTokenAndLogsInWithIt() {
        assumeTrue(SoftHsmToken.available(), "SoftHSM2 is not installed: apt-get install -y softhsm2");
        String token = directory.resolve("token").toString();

        assertEquals(0, run("--import", "--pkcs11", token, "--alias", "ALICE01",
                "--key", files.keyOf("ALICE01").toString(), "--chain", files.chainOf("ALICE01").toString()), err());
        assertEquals(0, run("--url", auth.url(), "--user", "ALICE01", "--password", FakeAuthService.PASSWORD,
                "--pkcs11", token, "--alias", "ALICE01", "--algorithm", "PS256"), err());
        assertTrue(out().contains("sc-ALICE01-PS256"), out());
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return SmartcardCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
