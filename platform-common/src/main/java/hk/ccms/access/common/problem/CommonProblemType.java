package hk.ccms.access.common.problem;

/** Problem types that any service can answer with. */
public enum CommonProblemType implements ProblemType {
    VALIDATION_FAILED("validation-failed", "The request is not valid", 400),
    MALFORMED_REQUEST("malformed-request", "The request body could not be read", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication is required", 401),
    FORBIDDEN("forbidden", "This action is not allowed", 403),
    NOT_FOUND("not-found", "The resource does not exist", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The content type is not supported", 415),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", "A required service is temporarily unavailable", 503),
    OVERLOADED("overloaded", "The service is busy", 503),
    INTERNAL_ERROR("internal-error", "An unexpected error occurred", 500);

    private final String slug;
    private final String title;
    private final int status;

    CommonProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
