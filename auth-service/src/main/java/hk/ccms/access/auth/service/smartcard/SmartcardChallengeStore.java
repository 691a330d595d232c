package hk.ccms.access.auth.service.smartcard;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.ccms.access.auth.service.RedisRecordStore;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Singleton;

/** Smartcard challenges until they are used (taken with GETDEL: a challenge signs in at most once). */
@Singleton
public class SmartcardChallengeStore extends RedisRecordStore<SmartcardChallenge> {

    public SmartcardChallengeStore(RedisDataSource redis, ObjectMapper json) {
        super("auth:sc-challenge:", SmartcardChallenge.class, redis, json);
    }
}
