package hk.ccms.access.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable URN from {@link ProblemType} that
 * clients may switch on; {@code title} is the fixed human summary of that type; {@code detail}
 * explains this occurrence and never carries secrets or internal state.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(ProblemType type, String detail) {
        this.type = type.uri();
        this.title = type.title();
        this.status = type.status();
        this.detail = detail;
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail);
    }

    /** Adds a machine-readable extension member, e.g. {@code retryAfterSeconds} or {@code violations}. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
