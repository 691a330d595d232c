package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes made in a session whose changes do not carry forward: when it ends, every account it
 * touched goes back to the image it had before the session's first change to it.
 */
@ApplicationScoped
public class SessionChanges {

    private static final Logger LOG = Logger.getLogger(SessionChanges.class);

    private final EntityManager entityManager;
    private final AccountImages images;

    public SessionChanges(EntityManager entityManager, AccountImages images) {
        this.entityManager = entityManager;
        this.images = images;
    }

    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.MANDATORY)
    void discard(String session) {
        List<Object[]> before = entityManager.createNativeQuery(
                        "select user_id, cast(image as text) from session_before_image where session_name = ?1 order by user_id")
                .setParameter(1, session).getResultList();
        Map<String, String> imagesByUserId = new LinkedHashMap<>();
        before.forEach(row -> imagesByUserId.put((String) row[0], (String) row[1]));
        images.applyReplicated(imagesByUserId);
        int changes = entityManager.createNativeQuery(
                        "update replication_change set status = 'DISCARDED' where status = 'LOCAL' and session_name = ?1")
                .setParameter(1, session).executeUpdate();
        entityManager.createNativeQuery("delete from session_before_image where session_name = ?1")
                .setParameter(1, session).executeUpdate();
        LOG.infof("Session %s ended: %d change(s) to %d account(s) discarded, accounts restored to the carry-forward state",
                session, changes, before.size());
    }
}
