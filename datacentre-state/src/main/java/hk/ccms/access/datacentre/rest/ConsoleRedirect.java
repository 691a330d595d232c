package hk.ccms.access.datacentre.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The operations console is the static page {@code /console/index.html}, served at {@code /console/};
 * an operator (or a bookmark) asking for {@code /console} is sent there instead of to a 404.
 */
@ApplicationScoped
public class ConsoleRedirect {

    static final String CONSOLE = "/console";

    void register(@Observes Router router) {
        router.get(CONSOLE).handler(context -> {
            // Vert.x matches "/console/" to this route too; that one is the page itself.
            if (CONSOLE.equals(context.request().path())) {
                context.response().setStatusCode(301).putHeader("Location", CONSOLE + "/").end();
            } else {
                context.next();
            }
        });
    }
}
