package hk.ccms.access.auth.service.replication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hk.ccms.access.auth.client.PeerAuthClient;
import hk.ccms.access.auth.domain.AuditAction;
import hk.ccms.access.auth.domain.AuditEvent;
import hk.ccms.access.auth.service.AuditTrail;
import hk.ccms.access.auth.service.AuthProblemType;
import hk.ccms.access.common.link.LinkCalls;
import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes this data centre accepted under an epoch it has since lost (it was failed over while
 * cut off): captured when it learns of the later epoch, then the accounts are set back to the
 * active data centre's state (which re-ships them), so both hold the same again. An operator
 * reviews each entry: re-apply it at the active data centre as a new change, or drop it.
 * Nothing is merged without that decision, and nothing is deleted: decided entries stay.
 */
@ApplicationScoped
public class Quarantines {

    private static final Logger LOG = Logger.getLogger(Quarantines.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Fields of the account image an operator does not decide about: they stay what the active data centre holds. */
    private static final List<String> BOOKKEEPING = List.of("id", "created_at");

    /** A quarantined account as an operator reviews it (never its password hash). */
    public record Entry(long id, String userId, long epoch, int changes, Instant firstChangeAt, Instant lastChangeAt,
                        Instant quarantinedAt, List<String> changedFields, String status, String decidedBy,
                        Instant decidedAt, String reason) {
    }

    /** What a re-apply sends to the active data centre: the account row as the fenced data centre wrote it. */
    public record Reapplication(String userId, String account) {
    }

    private final EntityManager entityManager;
    private final AccountImages images;
    private final PeerAuthClient peer;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public Quarantines(EntityManager entityManager, AccountImages images, PeerAuthClient peer, AuditTrail audit, ObjectMapper json) {
        this.entityManager = entityManager;
        this.images = images;
        this.peer = peer;
        this.audit = audit;
        this.json = json;
    }

    /** Sets aside every change not shipped under an epoch older than {@code epoch}, one entry per account. */
    @Transactional(Transactional.TxType.MANDATORY)
    void capture(long epoch) {
        int accounts = entityManager.createNativeQuery("""
                        insert into quarantine (user_id, epoch, first_change_at, last_change_at, changes, quarantined_at, image,
                                                restore_pending, status)
                        select user_id, max(epoch), min(recorded_at), max(recorded_at), count(*), clock_timestamp(),
                               account_image(user_id), true, 'OPEN'
                        from replication_change where status = 'PENDING' and epoch < ?1 group by user_id""")
                .setParameter(1, epoch).executeUpdate();
        if (accounts > 0) {
            entityManager.createNativeQuery("update replication_change set status = 'QUARANTINED' where status = 'PENDING' and epoch < ?1")
                    .setParameter(1, epoch).executeUpdate();
            LOG.warnf("Epoch %d is held elsewhere: unreplicated writes to %d account(s) quarantined for an operator", epoch, accounts);
        }
    }

    /** Asks the active peer to ship its state of quarantined accounts back here (replacing what this data centre wrote). */
    void askPeerToRestore() throws LinkCalls.Failed, PeerAuthClient.Refused {
        List<String> userIds = restorePending();
        if (!userIds.isEmpty()) {
            peer.post("/internal/v1/replication/reship", new Reship(userIds), Reship.class);
            restored(userIds);
            LOG.infof("The active data centre re-ships %d quarantined account(s)", userIds.size());
        }
    }

    /** Accounts whose current image the active data centre should ship again. */
    public record Reship(List<String> userIds) {
    }

    @SuppressWarnings("unchecked")
    @Transactional
    List<String> restorePending() {
        return entityManager.createNativeQuery("select distinct user_id from quarantine where restore_pending order by user_id")
                .getResultList();
    }

    @Transactional
    void restored(List<String> userIds) {
        entityManager.createNativeQuery("update quarantine set restore_pending = false where user_id in (?1)")
                .setParameter(1, userIds).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public List<Entry> list() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, user_id, epoch, changes, first_change_at, last_change_at, quarantined_at, status, decided_by,
                       decided_at, reason, cast(image as text), cast(account_image(user_id) as text)
                from quarantine order by id""").getResultList();
        return rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).longValue(),
                ((Number) row[3]).intValue(), ReplicationOutbox.instant(row[4]), ReplicationOutbox.instant(row[5]),
                ReplicationOutbox.instant(row[6]), changedFields((String) row[11], (String) row[12]), (String) row[7],
                (String) row[8], ReplicationOutbox.instant(row[9]), (String) row[10])).toList();
    }

    /**
     * Re-applies entry {@code id} at the active data centre: here when this one is active,
     * otherwise at the peer. Only the account row is re-applied; cards and DMS requests are
     * shown as changed for the operator to redo, because their ids may have been reused meanwhile.
     */
    @Transactional
    public Entry reapply(long id, String operator, String reason, boolean activeHere) {
        Object[] entry = open(id);
        String userId = (String) entry[0];
        String account = accountRow((String) entry[1]);
        if (activeHere) {
            reapplyHere(new Reapplication(userId, account));
        } else {
            try {
                peer.post("/internal/v1/replication/reapply", new Reapplication(userId, account), Reapplication.class);
            } catch (LinkCalls.Failed | PeerAuthClient.Refused unavailable) {
                throw new ProblemException(CommonProblemType.DEPENDENCY_UNAVAILABLE,
                        "The active data centre could not take the change now (" + unavailable.getMessage() + "); try again.", RETRY_AFTER);
            }
        }
        return decide(id, "REAPPLIED", AuditAction.QUARANTINE_REAPPLIED, operator, reason, userId);
    }

    @Transactional
    public Entry drop(long id, String operator, String reason) {
        String userId = (String) open(id)[0];
        return decide(id, "DROPPED", AuditAction.QUARANTINE_DROPPED, operator, reason, userId);
    }

    /**
     * At the active data centre: the account row becomes what the fenced data centre wrote, as a
     * new change (recorded and shipped like any other; refused if this data centre is not writable).
     */
    @Transactional
    public void reapplyHere(Reapplication reapplication) {
        String current = images.image(reapplication.userId()).orElseThrow(() -> new ProblemException(
                AuthProblemType.QUARANTINE_NOT_FOUND, "Account " + reapplication.userId() + " does not exist at the active data centre."));
        try {
            ObjectNode image = (ObjectNode) json.readTree(current);
            ObjectNode account = (ObjectNode) json.readTree(reapplication.account());
            JsonNode now = image.get("account");
            for (String field : BOOKKEEPING) {
                account.set(field, now.get(field));
            }
            image.set("account", account);
            images.apply(Map.of(reapplication.userId(), json.writeValueAsString(image)));
        } catch (JsonProcessingException | ClassCastException malformed) {
            throw new ProblemException(CommonProblemType.MALFORMED_REQUEST, "The re-applied account is not an account image.");
        }
    }

    private Object[] open(long id) {
        List<?> rows = entityManager.createNativeQuery("select user_id, cast(image as text), status from quarantine where id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(AuthProblemType.QUARANTINE_NOT_FOUND, "No quarantined change " + id + ".");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!"OPEN".equals(row[2])) {
            throw new ProblemException(AuthProblemType.QUARANTINE_DECIDED, "Quarantined change " + id + " was already " + row[2] + ".");
        }
        if (row[1] == null) {
            throw new ProblemException(AuthProblemType.QUARANTINE_DECIDED, "The account of quarantined change " + id
                    + " no longer existed when it was quarantined; there is nothing to re-apply.");
        }
        return row;
    }

    private Entry decide(long id, String status, AuditAction action, String operator, String reason, String userId) {
        entityManager.createNativeQuery("""
                        update quarantine set status = ?2, decided_by = ?3, decided_at = clock_timestamp(), reason = ?4 where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, operator).setParameter(4, reason).executeUpdate();
        audit.record(action, operator, userId, null, AuditEvent.Result.SUCCESS, "quarantine " + id + ": " + reason);
        LOG.infof("Operator %s: quarantined change %d of %s %s; reason: %s", operator, id, userId, status, reason);
        return list().stream().filter(entry -> entry.id() == id).findFirst().orElseThrow();
    }

    private String accountRow(String image) {
        try {
            return json.writeValueAsString(json.readTree(image).get("account"));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A stored image is not JSON", impossible);
        }
    }

    /** Which parts of the account the quarantined write made different from what is held now. */
    private List<String> changedFields(String quarantined, String current) {
        try {
            JsonNode before = quarantined == null ? json.nullNode() : json.readTree(quarantined);
            JsonNode now = current == null ? json.nullNode() : json.readTree(current);
            TreeSet<String> changed = new TreeSet<>();
            JsonNode account = before.path("account");
            for (Iterator<Map.Entry<String, JsonNode>> fields = account.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!BOOKKEEPING.contains(field.getKey()) && !Objects.equals(field.getValue(), now.path("account").get(field.getKey()))) {
                    changed.add(field.getKey().equals("password_hash") ? "password" : field.getKey());
                }
            }
            for (String part : List.of("cards", "requests")) {
                if (!Objects.equals(before.path(part), now.path(part))) {
                    changed.add(part);
                }
            }
            return new ArrayList<>(changed);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("A stored image is not JSON", impossible);
        }
    }
}
