package hk.ccms.access.datacentre.domain;

/**
 * A change an operator asked for, once checked: the state to enter, whether it takes a new epoch,
 * and, when it opens a session, whether that happens outside the session's window (allowed, for
 * rehearsals, but recorded).
 */
public record Transition(StateSnapshot next, boolean newEpoch, Boolean outsideWindow) {

    /** A change within the current epoch. */
    public static Transition to(StateSnapshot next) {
        return new Transition(next, false, null);
    }

    /**
     * A DC takes the active place under a new epoch: no state that existed before can hold it, so
     * anything still acting on an older one is fenced.
     */
    public static Transition newEpoch(StateSnapshot next) {
        return new Transition(next, true, null);
    }

    public static Transition openingSession(StateSnapshot next, boolean outsideWindow) {
        return new Transition(next, false, outsideWindow);
    }
}
