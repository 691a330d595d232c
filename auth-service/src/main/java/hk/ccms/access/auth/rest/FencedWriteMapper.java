package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.common.problem.Problem;
import hk.ccms.access.common.problem.ProblemResponses;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * An account write the database refused because this data centre is fenced (it lost, or is
 * handing over, the epoch between the request's check and its commit) is the same answer as the
 * check itself would have given: standby, try the active data centre. Anything else is unexpected.
 */
public class FencedWriteMapper {

    /** Raised by the account-write trigger of migration V4. */
    static final String FENCED_SQL_STATE = "CCF01";

    @ServerExceptionMapper(priority = Priorities.USER)
    public Response fencedOrUnexpected(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && FENCED_SQL_STATE.equals(sql.getSQLState())) {
                return Response.fromResponse(ProblemResponses.of(Problem.of(AuthProblemType.STANDBY,
                                "This data centre does not accept account changes now; the active data centre does.")))
                        .header(HttpHeaders.RETRY_AFTER, "5").build();
            }
        }
        return ProblemResponses.unexpected(exception);
    }
}
