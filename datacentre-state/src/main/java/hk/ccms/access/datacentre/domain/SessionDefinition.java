package hk.ccms.access.datacentre.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.List;
import java.util.Optional;

/**
 * A session operators (or, if configured, the scheduler) open, such as the test day's Session 1 at the primary: where it runs,
 * when, whether business functions stay available and whether changes made in it carry forward.
 * Configured by migration; the service only reads it.
 */
@Entity
@Immutable
@Table(name = "session_definition")
public class SessionDefinition extends PanacheEntityBase {

    @Id
    private String name;

    @Column(name = "data_centre", nullable = false)
    private String dataCentre;

    @Embedded
    private SessionWindow window;

    @Column(name = "business_functions_available", nullable = false)
    private boolean businessFunctionsAvailable;

    @Column(name = "carry_forward", nullable = false)
    private boolean carryForward;

    protected SessionDefinition() {
    }

    public static Optional<SessionDefinition> named(String name) {
        return findByIdOptional(name);
    }

    public static List<SessionDefinition> all() {
        return list("order by name");
    }

    public String name() {
        return name;
    }

    public String dataCentre() {
        return dataCentre;
    }

    public SessionWindow window() {
        return window;
    }

    public boolean businessFunctionsAvailable() {
        return businessFunctionsAvailable;
    }

    public boolean carryForward() {
        return carryForward;
    }
}
