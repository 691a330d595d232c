package hk.ccms.access.datacentre.domain;

/**
 * A change an operator asked for, once checked: the state to enter and, when it opens a session,
 * whether that happens outside the session's window (allowed, for rehearsals, but recorded).
 */
public record Transition(StateSnapshot next, Boolean outsideWindow) {

    public static Transition to(StateSnapshot next) {
        return new Transition(next, null);
    }

    public static Transition openingSession(StateSnapshot next, boolean outsideWindow) {
        return new Transition(next, outsideWindow);
    }
}
