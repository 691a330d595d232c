package hk.ccms.access.auth.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived records of a flow in progress (a sign-in, a 2FA set-up) kept as JSON in this data
 * centre's Redis under one key prefix. They are never replicated: a flow started at one data
 * centre cannot be finished at the other.
 */
public abstract class RedisRecordStore<T> {

    private final String prefix;
    private final Class<T> type;
    private final ValueCommands<String, String> values;
    private final ObjectMapper json;

    protected RedisRecordStore(String prefix, Class<T> type, RedisDataSource redis, ObjectMapper json) {
        this.prefix = prefix;
        this.type = type;
        this.values = redis.value(String.class);
        this.json = json;
    }

    public void save(String id, T record, Duration ttl) {
        RedisGuard.run(() -> values.setex(prefix + id, Math.max(1, ttl.toSeconds()), write(record)));
    }

    public Optional<T> find(String id) {
        return RedisGuard.call(() -> Optional.ofNullable(values.get(prefix + id)).map(this::read));
    }

    /** Removes the record; true only for the one caller that removed it, so a step is never completed twice. */
    public boolean consume(String id) {
        return take(id).isPresent();
    }

    /** Removes the record and returns it to the one caller that removed it. */
    public Optional<T> take(String id) {
        return RedisGuard.call(() -> Optional.ofNullable(values.getdel(prefix + id)).map(this::read));
    }

    private String write(T record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private T read(String value) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName(), e);
        }
    }
}
