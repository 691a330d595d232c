package hk.ccms.access.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** More password checks than the pool admits: the excess is shed with 503 + Retry-After, nothing fails with 500. */
@QuarkusTest
@TestProfile(HashingBackPressureTest.OneThreadOneSlot.class)
class HashingBackPressureTest {

    public static class OneThreadOneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccms.auth.password.hashing-threads", "1", "ccms.auth.password.hashing-queue", "1");
        }
    }

    @Test
    void excessPasswordChecksAreShedWithRetryAfter() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String userId = "NOBODY" + i;
                attempts.add(() -> LoginSteps.passwordStep(userId, "Whatever-Password-1", "ONLINE_FUNCTIONS").extract().response());
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : clients.invokeAll(attempts)) {
                responses.add(future.get());
            }
            assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isIn(401, 503));
            List<Response> shed = responses.stream().filter(response -> response.statusCode() == 503).toList();
            assertThat(shed).isNotEmpty().allSatisfy(response -> {
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.jsonPath().getString("type")).isEqualTo("urn:ccms:problem:overloaded");
            });
            assertThat(responses.stream().filter(response -> response.statusCode() == 401)).isNotEmpty();
        } finally {
            clients.shutdownNow();
        }
    }
}
