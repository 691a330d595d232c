package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Account images (an account with its cards and DMS requests, as JSON text) read from and written
 * to this data centre's database by the functions of migration V4, so that reading, applying and
 * hashing them is defined once, next to the tables.
 */
@ApplicationScoped
public class AccountImages {

    private final EntityManager entityManager;

    public AccountImages(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> image(String userId) {
        return Optional.ofNullable((String) entityManager.createNativeQuery("select cast(account_image(?1) as text)")
                .setParameter(1, userId).getSingleResult());
    }

    /** The images of {@code userIds}, in the given order; null for an account that does not exist here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> images(Collection<String> userIds) {
        Map<String, String> images = new LinkedHashMap<>();
        userIds.forEach(userId -> images.put(userId, image(userId).orElse(null)));
        return images;
    }

    /** Makes the account what {@code image} describes; a null image removes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String userId, String image) {
        entityManager.createNativeQuery("select count(*) from apply_account_image(?1, cast(?2 as jsonb))")
                .setParameter(1, userId).setParameter(2, image).getSingleResult();
    }

    /**
     * Until the transaction ends, account writes apply the peer's (or the carry-forward) state:
     * the fence and the outbox trigger let them through unrecorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyingReplicatedState() {
        entityManager.createNativeQuery("select set_config('ccms.replicating', 'on', true)").getSingleResult();
    }

    @Transactional
    public String digest() {
        return (String) entityManager.createNativeQuery("select replicated_state_digest()").getSingleResult();
    }

    @Transactional
    public long accounts() {
        return ((Number) entityManager.createNativeQuery("select count(*) from account").getSingleResult()).longValue();
    }
}
