package hk.ccms.access.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

@ApplicationScoped
public class LoginTransactionStore {

    private static final String PREFIX = "auth:login-tx:";

    private final ValueCommands<String, String> values;
    private final ObjectMapper json;

    public LoginTransactionStore(RedisDataSource redis, ObjectMapper json) {
        this.values = redis.value(String.class);
        this.json = json;
    }

    public void save(LoginTransaction transaction, Duration ttl) {
        RedisGuard.run(() -> values.setex(PREFIX + transaction.id(), Math.max(1, ttl.toSeconds()), write(transaction)));
    }

    public Optional<LoginTransaction> find(String id) {
        return RedisGuard.call(() -> Optional.ofNullable(values.get(PREFIX + id)).map(this::read));
    }

    /** Removes the transaction; true only for the one caller that removed it, so a code is never spent twice. */
    public boolean consume(String id) {
        return RedisGuard.call(() -> values.getdel(PREFIX + id) != null);
    }

    private String write(LoginTransaction transaction) {
        try {
            return json.writeValueAsString(transaction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LoginTransaction read(String value) {
        try {
            return json.readValue(value, LoginTransaction.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable login transaction", e);
        }
    }
}
