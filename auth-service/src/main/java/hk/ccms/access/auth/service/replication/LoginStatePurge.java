package hk.ccms.access.auth.service.replication;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends every login session, login transaction and set-up flow this data centre holds in Redis:
 * what a discarded session did must not outlive it, including the one-time codes its
 * transactions were waiting for (a code is only ever checked through its transaction).
 */
@ApplicationScoped
public class LoginStatePurge {

    private static final Logger LOG = Logger.getLogger(LoginStatePurge.class);
    private static final String ALL_LOGIN_STATE = "auth:*";
    private static final int BATCH = 500;

    private final RedisDataSource redis;

    public LoginStatePurge(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Whether everything was removed; false (to be retried) when Redis could not be used. */
    boolean purge() {
        try {
            var scan = redis.key(String.class).scan(new KeyScanArgs().match(ALL_LOGIN_STATE).count(BATCH));
            long removed = 0;
            while (scan.hasNext()) {
                List<String> keys = new ArrayList<>(scan.next());
                if (!keys.isEmpty()) {
                    removed += redis.key(String.class).unlink(keys.toArray(String[]::new));
                }
            }
            LOG.infof("Login state purged: %d key(s) removed", removed);
            return true;
        } catch (RuntimeException unavailable) {
            LOG.warnf("Login state could not be purged now (%s); retried at the next state reading", unavailable.getMessage());
            return false;
        }
    }
}
