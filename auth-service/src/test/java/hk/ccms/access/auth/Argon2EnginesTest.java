package hk.ccms.access.auth;

import hk.ccms.access.auth.service.Argon2Engine;
import hk.ccms.access.auth.service.Argon2idHasher;
import hk.ccms.access.auth.service.BouncyCastleArgon2;
import hk.ccms.access.auth.service.NativeArgon2;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both Argon2id engines agree with each other and with the reference CLI, byte for byte. */
class Argon2EnginesTest {

    /** From the reference implementation: {@code echo -n Tide-Lantern-Orchid-42 | argon2 ccmsfixedsalt16b -id -t 2 -k 19456 -p 1 -l 32 -e}. */
    private static final String REFERENCE_PHC = "$argon2id$v=19$m=19456,t=2,p=1$Y2Ntc2ZpeGVkc2FsdDE2Yg$wp7sNXw62VlQuRj7ghM1eaakTNnr3d/qkwvPTNEY6pM";
    private static final String PASSWORD = "Tide-Lantern-Orchid-42";

    private static List<Argon2Engine> engines() {
        NativeArgon2 nativeEngine = NativeArgon2.load()
                .orElseThrow(() -> new AssertionError("libargon2 must be installed (Debian package libargon2-1)"));
        return List.of(new BouncyCastleArgon2(), nativeEngine);
    }

    @Test
    void bothEnginesVerifyTheReferenceVector() {
        for (Argon2Engine engine : engines()) {
            Argon2idHasher hasher = new Argon2idHasher(engine, 19456, 2, 1);
            assertThat(hasher.verify(PASSWORD, REFERENCE_PHC)).as(engine.name()).isTrue();
            assertThat(hasher.verify(PASSWORD + " ", REFERENCE_PHC)).as(engine.name()).isFalse();
        }
    }

    @Test
    void bothEnginesComputeTheSameBytes() {
        byte[] salt = "sixteen byte slt".getBytes(StandardCharsets.US_ASCII);
        for (String password : List.of("", "a", "維港夜色 harbour lights", "x".repeat(1000))) {
            byte[] input = password.getBytes(StandardCharsets.UTF_8);
            List<Argon2Engine> engines = engines();
            assertThat(engines.get(1).derive(input, salt, 8192, 3, 1, 32))
                    .isEqualTo(engines.get(0).derive(input, salt, 8192, 3, 1, 32));
        }
    }

    @Test
    void aHashFromOneEngineVerifiesWithTheOther() {
        List<Argon2Engine> engines = engines();
        String phc = new Argon2idHasher(engines.get(1), 19456, 2, 1).hash(PASSWORD);
        assertThat(new Argon2idHasher(engines.get(0), 19456, 2, 1).verify(PASSWORD, phc)).isTrue();
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void changedParametersAskForARehash() {
        Argon2idHasher current = new Argon2idHasher(new BouncyCastleArgon2(), 19456, 2, 1);
        assertThat(current.needsRehash(REFERENCE_PHC)).isFalse();
        assertThat(current.needsRehash(REFERENCE_PHC.replace("t=2", "t=3"))).isTrue();
        assertThat(current.needsRehash("not a hash")).isTrue();
        assertThat(current.verify(PASSWORD, "not a hash")).isFalse();
    }
}
