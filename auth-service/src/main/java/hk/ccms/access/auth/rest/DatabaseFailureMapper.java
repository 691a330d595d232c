package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import hk.ccms.access.common.problem.ProblemResponses;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request that failed in the database is told. An account write refused because this data
 * centre is fenced (it lost, or is handing over, the epoch between the request's check and its
 * commit) gets the answer the check itself would have given: standby, try the active data centre.
 * A failure while the database cannot be reached is a retryable 503, like any other dependency
 * outage; whether it can be reached is asked of the connection pool at that moment, because the
 * same outage surfaces as different SQL states (refused, terminated, not accepting connections).
 * Anything else is unexpected.
 */
public class DatabaseFailureMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseFailureMapper.class);
    /** Raised by the account-write trigger of migration V4. */
    static final String FENCED_SQL_STATE = "CCF01";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AgroalDataSource database;

    public DatabaseFailureMapper(AgroalDataSource database) {
        this.database = database;
    }

    @ServerExceptionMapper(priority = Priorities.USER)
    public Response fencedUnavailableOrUnexpected(Throwable exception) {
        List<SQLException> sql = sqlCauses(exception);
        if (sql.stream().anyMatch(cause -> FENCED_SQL_STATE.equals(cause.getSQLState()))) {
            return ProblemResponses.of(new ProblemException(AuthProblemType.STANDBY,
                    "This data centre does not accept account changes now; the active data centre does.", RETRY_AFTER));
        }
        if (!sql.isEmpty() && !reachable()) {
            LOG.warnf("Account database unavailable: sqlState=%s", sql.get(0).getSQLState());
            return ProblemResponses.of(new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                    "The account database is unavailable; try again shortly.", RETRY_AFTER));
        }
        return ProblemResponses.unexpected(exception);
    }

    private static List<SQLException> sqlCauses(Throwable exception) {
        List<SQLException> causes = new ArrayList<>();
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                causes.add(sql);
            }
        }
        return causes;
    }

    private boolean reachable() {
        try {
            return database.isHealthy(true);
        } catch (SQLException unreachable) {
            return false;
        }
    }
}
