package hk.ccms.access.auth.service.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /**
     * Makes each account (user ID → image) what its image describes; a null image removes it.
     * Then moves the id sequences past the ids the images brought, once for all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Map<String, String> imagesByUserId) {
        imagesByUserId.forEach((userId, image) -> entityManager
                .createNativeQuery("select count(*) from apply_account_image(?1, cast(?2 as jsonb))")
                .setParameter(1, userId).setParameter(2, image).getSingleResult());
        entityManager.createNativeQuery("select count(*) from replicate_identities()").getSingleResult();
    }

    /**
     * The same with the peer's (or the carry-forward) state: the fence and the outbox trigger let
     * these writes through unrecorded, and only these.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyReplicated(Map<String, String> imagesByUserId) {
        replicating("on");
        apply(imagesByUserId);
        replicating("off");
    }

    private void replicating(String onOrOff) {
        entityManager.createNativeQuery("select set_config('ccms.replicating', ?1, true)").setParameter(1, onOrOff).getSingleResult();
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
