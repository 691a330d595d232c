package hk.ccms.access.infra.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A restarted local run reads the keys of the last one: the link key and the PKI password stay the same. */
class LocalSecretsTest {

    @Test
    void keysAreMadeOnceAndKeptWhileNewOnesAreAdded(@TempDir Path data) {
        String linkKey = LocalSecrets.in(data, List.of("link-key")).get("link-key");

        LocalSecrets again = LocalSecrets.in(data, List.of("link-key", "pki-password"));

        assertEquals(linkKey, again.get("link-key"));
        assertEquals(32, Base64.getDecoder().decode(linkKey).length);
        assertNotEquals(linkKey, again.get("pki-password"));
        assertEquals(again.get("pki-password"), LocalSecrets.in(data, List.of()).get("pki-password"));
    }

    @Test
    void aPeerLinkNeverPrintsItsKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        assertFalse(new PeerLink(DataCentreSpec.Ports.SECONDARY, key).toString().contains(key));
    }
}
