package hk.ccms.access.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every response, static pages included: scripts and styles only from this origin (no
 * inline code, so an injected fragment cannot run), never framed (no click-jacking), no referrer
 * leaving the site, no content sniffing, and nothing cached that a shared browser could show again unless a
 * resource says otherwise. The tools under {@value #TOOLS} (Swagger UI, health, metrics) are not pages for
 * participants and bring inline script of their own: they get all but the script policy.
 */
@ApplicationScoped
public class PageSecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    static final String TOOLS = "/q/";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!context.normalizedPath().startsWith(TOOLS)) {
                context.response().headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            context.response().headers()
                    .set("X-Frame-Options", "DENY")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer");
            context.addHeadersEndHandler(ignored -> {
                if (!context.response().headers().contains("Cache-Control")) {
                    context.response().headers().set("Cache-Control", "no-store");
                }
            });
            context.next();
        }, 100);
    }
}
