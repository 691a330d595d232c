package hk.ccms.access.auth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Singleton;

/** Switches of OTP channel between the proof code and its confirmation, keyed by the person's session. */
@Singleton
public class ChannelChangeStore extends RedisRecordStore<ChannelChange> {

    public ChannelChangeStore(RedisDataSource redis, ObjectMapper json) {
        super("auth:channel-change:", ChannelChange.class, redis, json);
    }
}
