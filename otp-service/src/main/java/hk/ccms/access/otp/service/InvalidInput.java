package hk.ccms.access.otp.service;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * A 400 for a field that bean validation cannot judge alone (it depends on the channel or on
 * configuration, or it is a path parameter), in the same shape as the bean-validation problem.
 */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static ProblemException field(String field, String message) {
        return new ProblemException(CommonProblemType.VALIDATION_FAILED, "One or more fields are missing or invalid.")
                .with("violations", List.of(Map.of("field", field, "message", message)));
    }
}
