package hk.ccms.access.auth.service.replication;

import hk.ccms.access.auth.client.DataCentreStateClient;
import hk.ccms.access.auth.config.AuthConfig;
import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.auth.service.DataCentreReading;
import hk.ccms.access.common.problem.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the database fence ({@code replication_scope}) in step with what datacentre-state says.
 * Entering a new scope is one transaction with what it implies: a session whose changes stayed at
 * home has them discarded when it ends, and writes of an epoch this data centre has lost are
 * quarantined. At start the fence is closed until datacentre-state has been heard from: the
 * state stored before a crash is not evidence that this data centre is still active.
 */
@ApplicationScoped
public class ReplicationScopes {

    private static final Logger LOG = Logger.getLogger(ReplicationScopes.class);

    private final EntityManager entityManager;
    private final SessionChanges sessionChanges;
    private final Quarantines quarantines;
    private final LoginStatePurge purge;
    private final Event<ScopeEntered> entered;
    private final boolean singleDataCentre;
    private final String dataCentre;
    /** Whether a reading of datacentre-state has been taken since this process started (the scheduler may beat start-up). */
    private volatile boolean readingTakenSinceStart;

    public ReplicationScopes(EntityManager entityManager, SessionChanges sessionChanges, Quarantines quarantines,
                             LoginStatePurge purge, Event<ScopeEntered> entered, DataCentreStateClient datacentreState,
                             AuthConfig config) {
        this.entityManager = entityManager;
        this.sessionChanges = sessionChanges;
        this.quarantines = quarantines;
        this.purge = purge;
        this.entered = entered;
        this.singleDataCentre = !datacentreState.configured();
        this.dataCentre = config.dataCentre();
    }

    /**
     * Fired asynchronously after a reading has been adopted (and at start-up): what observes it (the
     * demo seeding, with a password hash) must not hold up the gate, which takes the reading only
     * after the scope.
     */
    public record ScopeEntered(ReplicationScope scope) {
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        ReplicationScope scope;
        if (singleDataCentre) {
            scope = ReplicationScope.single(dataCentre);
            write(scope);
        } else {
            scope = fenceUntilConfirmed();
        }
        LOG.infof(singleDataCentre ? "Single data centre %s: account writes accepted"
                : "Data centre %s: account writes refused until datacentre-state confirms this one is active", dataCentre);
        entered.fireAsync(new ScopeEntered(scope));
    }

    /**
     * What a previous run of this process left may be out of date: fenced until datacentre-state
     * confirms, unless a reading it gave was already taken in this run (that one stands).
     */
    @Transactional
    ReplicationScope fenceUntilConfirmed() {
        ReplicationScope held = lockHeld();
        if (readingTakenSinceStart) {
            return held;
        }
        ReplicationScope fenced = held.fenced();
        write(fenced);
        return fenced;
    }

    @Transactional
    public ReplicationScope current() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select data_centre, epoch, revision, active_dc, writable, carry_forward, session_name, purge_pending
                from replication_scope where id = 1""").getSingleResult();
        return new ReplicationScope((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                (String) row[3], (Boolean) row[4], (Boolean) row[5], (String) row[6], (Boolean) row[7]);
    }

    /**
     * Enters the scope {@code reading} describes, unless it is what is held already or older news.
     * A reading of an older epoch is refused: this data centre has seen a later one.
     */
    public ReplicationScope adopt(DataCentreReading reading) {
        if (singleDataCentre) {
            return current();
        }
        ReplicationScope held = current();
        ReplicationScope next = ReplicationScope.of(reading);
        if (next.sameAs(held) && !held.purgePending()) {
            return held;
        }
        ReplicationScope scope = enter(reading);
        if (scope.purgePending()) {
            scope = purgeLoginState();
        }
        entered.fireAsync(new ScopeEntered(scope));
        return scope;
    }

    /** The peer answered that it holds a later epoch: no account write here may commit any more. */
    @Transactional
    public void fence(String why) {
        ReplicationScope held = lockHeld();
        if (held.writable()) {
            write(held.fenced());
            LOG.warnf("Account writes fenced: %s", why);
        }
    }

    /**
     * A batch from the peer under a later epoch than held here proves the peer took over: fence,
     * and take the epoch, before applying anything.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ReplicationScope requireStandbyFor(String sourceDc, long epoch) {
        ReplicationScope held = lockHeld();
        if (epoch < held.epoch()) {
            throw staleEpoch(held);
        }
        if (epoch == held.epoch() && held.writable()) {
            throw new ProblemException(AuthProblemType.REPLICATION_REFUSED, "Data centre " + dataCentre
                    + " is active at epoch " + epoch + "; it does not take changes from " + sourceDc + ".");
        }
        if (epoch > held.epoch()) {
            ReplicationScope taken = new ReplicationScope(held.dataCentre(), epoch, 0, sourceDc, false, true, null, held.purgePending());
            enterInTransaction(held, taken);
            return taken;
        }
        return held;
    }

    @Transactional
    ReplicationScope enter(DataCentreReading reading) {
        ReplicationScope held = lockHeld();
        readingTakenSinceStart = true;
        if (reading.epoch() < held.epoch()) {
            throw staleEpoch(held);
        }
        if (reading.epoch() == held.epoch() && reading.revision() < held.revision()) {
            return held;
        }
        ReplicationScope next = ReplicationScope.of(reading);
        enterInTransaction(held, next);
        return current();
    }

    private void enterInTransaction(ReplicationScope held, ReplicationScope next) {
        boolean purge = held.purgePending();
        if (held.keepsChangesLocal() && !(next.keepsChangesLocal() && next.sessionName().equals(held.sessionName()))) {
            sessionChanges.discard(held.sessionName());
            purge = true;
        }
        if (next.epoch() > held.epoch() && !next.writable()) {
            quarantines.capture(next.epoch());
        }
        write(next.withPurgePending(purge));
        LOG.infof("Data centre %s: epoch %d revision %d, active %s, account writes %s, changes %s", next.dataCentre(),
                next.epoch(), next.revision(), next.activeDc(), next.writable() ? "accepted" : "refused",
                next.carryForward() ? "carry forward" : "stay here for " + next.sessionName());
    }

    /** Login sessions, transactions and flows of a discarded session end with it; retried until Redis takes it. */
    private ReplicationScope purgeLoginState() {
        if (!purge.purge()) {
            return current();
        }
        clearPurgePending();
        return current();
    }

    @Transactional
    void clearPurgePending() {
        entityManager.createNativeQuery("update replication_scope set purge_pending = false where id = 1").executeUpdate();
    }

    private ReplicationScope lockHeld() {
        entityManager.createNativeQuery("select id from replication_scope where id = 1 for update").getSingleResult();
        return current();
    }

    @Transactional
    void write(ReplicationScope scope) {
        entityManager.createNativeQuery("""
                        update replication_scope set data_centre = ?1, epoch = ?2, revision = ?3, active_dc = ?4, writable = ?5,
                            carry_forward = ?6, session_name = ?7, purge_pending = ?8, updated_at = now()
                        where id = 1""")
                .setParameter(1, scope.dataCentre()).setParameter(2, scope.epoch()).setParameter(3, scope.revision())
                .setParameter(4, scope.activeDc()).setParameter(5, scope.writable()).setParameter(6, scope.carryForward())
                .setParameter(7, scope.sessionName()).setParameter(8, scope.purgePending())
                .executeUpdate();
    }

    private ProblemException staleEpoch(ReplicationScope held) {
        return new ProblemException(AuthProblemType.STALE_EPOCH, "Data centre " + dataCentre + " holds epoch " + held.epoch()
                + " (active " + held.activeDc() + "); an older state is not taken.").with("epoch", held.epoch());
    }
}
