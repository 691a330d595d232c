package hk.ccms.access.auth.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.inject.Singleton;

/** Sign-ins between the password step and the code step. */
@Singleton
public class LoginTransactionStore extends RedisRecordStore<LoginTransaction> {

    public LoginTransactionStore(RedisDataSource redis, ObjectMapper json) {
        super("auth:login-tx:", LoginTransaction.class, redis, json);
    }
}
