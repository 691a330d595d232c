package hk.ccms.access.auth;

import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.PasswordPolicy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PasswordPolicyTest {

    private static final PasswordPolicy.Context ALICE = new PasswordPolicy.Context("ALICE01", "Alice Chan", "alice.chan@cp0001.example");

    @Inject
    PasswordPolicy policy;

    @Inject
    AuthConfig config;

    @ParameterizedTest
    @ValueSource(strings = {"password12345", "Passw0rd!!!!!!", "123456123456", "qwertyqwertyqwerty", "HKEX-2023-HKEX",
            "aaaaaaaaaaaaaa", "123456789012", "abcdefghijklmn", "!!!ccms2023!!!", "alice01-is-great", "chan.family.2023",
            "alice.chan@cp0001"})
    void weakOrPersonalPasswordsAreRefused(String password) {
        assertThat(policy.violations(password, ALICE)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tide-Lantern-Orchid-42", "維港夜色 harbour lights", "correct horse battery staple",
            "zxcv-mnbv-poiu-0987!", "私の秘密のパスワードです"})
    void longUnguessablePasswordsOfAnyScriptAreAccepted(String password) {
        assertThat(policy.violations(password, ALICE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 129})
    void lengthIsCountedInCharactersNotBytes(int length) {
        String password = "維".repeat(length);
        assertThat(policy.violations(password + "", ALICE)).anySatisfy(reason -> assertThat(reason).startsWith("Use at"));
        assertThat(config.password().minLength()).isEqualTo(12);
    }
}
