package hk.ccms.access.common.problem;

/**
 * A stable kind of problem: clients switch on {@link #uri()}. Each service declares its own kinds
 * as constants made with {@link #of}; the URN prefix keeps them all in one namespace.
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

    static ProblemType of(String slug, String title, int status) {
        return new Kind(slug, title, status);
    }

    record Kind(String slug, String title, int status) implements ProblemType {
    }
}
