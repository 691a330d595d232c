package hk.ccms.access.common.problem;

/**
 * The stable problem types shared by every service. A service-specific type is declared by
 * implementing this interface in that service; the URN prefix keeps them in one namespace.
 */
public interface ProblemType {

    String URN_PREFIX = "urn:ccms:problem:";

    /** Short, stable, kebab-case name, e.g. {@code validation-failed}. */
    String slug();

    String title();

    int status();

    default String uri() {
        return URN_PREFIX + slug();
    }
}
