package hk.ccms.access.common.web;

import hk.ccms.access.common.problem.CommonProblemType;
import hk.ccms.access.common.problem.ProblemException;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * How a browser holds a session: the access token in an HttpOnly, Secure, SameSite=Strict cookie
 * that page scripts cannot read, and a CSRF token in a second cookie that they can, which they echo
 * in {@value #CSRF_HEADER} on every call that changes something.
 *
 * <p>The CSRF token is a hash of the access token, so every service that receives the session
 * cookie can check the header without shared state, and a page of another site, which can neither
 * read this site's cookies nor the access token, cannot produce it. The {@code __Host-} prefix
 * keeps the cookies to the host that set them (no Domain attribute, Path=/, Secure), so a
 * neighbouring host cannot plant one. A bearer token in the Authorization header needs no CSRF
 * token: browsers never attach it on their own.
 */
public final class BrowserSession {

    public static final String SESSION_COOKIE = "__Host-ccms-session";
    public static final String CSRF_COOKIE = "__Host-ccms-csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CSRF_CONTEXT = "ccms-csrf\n";

    private BrowserSession() {
    }

    /** The CSRF token that belongs to this access token. */
    public static String csrfToken(String accessToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(CSRF_CONTEXT + accessToken));
    }

    /**
     * Refuses a state-changing request authenticated by the session cookie unless it carries the
     * session's CSRF token.
     */
    public static void requireCsrfToken(String method, String accessToken, String csrfHeader) {
        if (SAFE_METHODS.contains(method)) {
            return;
        }
        byte[] expected = csrfToken(accessToken).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = csrfHeader == null ? new byte[0] : csrfHeader.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new ProblemException(CommonProblemType.CSRF_REJECTED,
                    "Reload the page and try again; requests from other sites are refused.");
        }
    }

    /** The two cookies that hold a browser session for as long as its access token lives. */
    public static List<NewCookie> cookies(String accessToken, Duration lifetime) {
        int maxAge = (int) Math.max(1, lifetime.toSeconds());
        return List.of(cookie(SESSION_COOKIE, accessToken, maxAge, true), cookie(CSRF_COOKIE, csrfToken(accessToken), maxAge, false));
    }

    /** Cookies that make the browser forget its session. */
    public static List<NewCookie> expiredCookies() {
        return List.of(cookie(SESSION_COOKIE, "", 0, true), cookie(CSRF_COOKIE, "", 0, false));
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean httpOnly) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .secure(true)
                .httpOnly(httpOnly)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JDK", impossible);
        }
    }
}
