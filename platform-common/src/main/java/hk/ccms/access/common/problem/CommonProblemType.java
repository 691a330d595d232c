package hk.ccms.access.common.problem;

/** Problem types that any service can answer with. */
public final class CommonProblemType {

    public static final ProblemType VALIDATION_FAILED = ProblemType.of("validation-failed", "The request is not valid", 400);
    public static final ProblemType MALFORMED_REQUEST = ProblemType.of("malformed-request", "The request body could not be read", 400);
    public static final ProblemType UNAUTHENTICATED = ProblemType.of("unauthenticated", "Authentication is required", 401);
    public static final ProblemType CSRF_REJECTED = ProblemType.of("csrf-rejected", "The request did not come from this site's pages", 403);
    public static final ProblemType FORBIDDEN = ProblemType.of("forbidden", "This action is not allowed", 403);
    public static final ProblemType NOT_FOUND = ProblemType.of("not-found", "The resource does not exist", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = ProblemType.of("method-not-allowed", "The method is not allowed on this resource", 405);
    public static final ProblemType NOT_ACCEPTABLE = ProblemType.of("not-acceptable", "No acceptable representation", 406);
    public static final ProblemType PAYLOAD_TOO_LARGE = ProblemType.of("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = ProblemType.of("unsupported-media-type", "The content type is not supported", 415);
    public static final ProblemType TOO_MANY_REQUESTS = ProblemType.of("too-many-requests", "Too many requests", 429);
    public static final ProblemType DEPENDENCY_UNAVAILABLE = ProblemType.of("dependency-unavailable", "A required service is temporarily unavailable", 503);
    public static final ProblemType OVERLOADED = ProblemType.of("overloaded", "The service is busy", 503);
    public static final ProblemType INTERNAL_ERROR = ProblemType.of("internal-error", "An unexpected error occurred", 500);

    private CommonProblemType() {
    }
}
