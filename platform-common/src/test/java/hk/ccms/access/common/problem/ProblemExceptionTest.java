package hk.ccms.access.common.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Code that reacts to one kind of problem (a retry on a concurrent change, say) recognises it by its type alone. */
class ProblemExceptionTest {

    private static final ProblemType STATE_CHANGED = ProblemType.of("state-changed", "The state changed meanwhile", 409);

    @Test
    void aProblemIsOfItsOwnTypeOnly() {
        ProblemException concurrent = new ProblemException(STATE_CHANGED, "Another change was made at the same moment.");

        assertTrue(concurrent.is(ProblemType.of("state-changed", "Another title", 409)), "the type is the slug's URI");
        assertFalse(concurrent.is(ProblemType.of("stale-epoch", "The state changed meanwhile", 409)));
        assertFalse(concurrent.is(CommonProblemType.UNAUTHENTICATED));
    }
}
