package hk.ccms.access.auth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Singleton;

/** 2FA set-ups between the activation code and the chosen channel and password. */
@Singleton
public class InitiationStore extends RedisRecordStore<Initiation> {

    public InitiationStore(RedisDataSource redis, ObjectMapper json) {
        super("auth:initiation:", Initiation.class, redis, json);
    }
}
