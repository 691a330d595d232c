package hk.ccms.access.it.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser test support itself, against a tiny page server of its own (no data centre): Chromium starts
 * offline, waits and clicks work, a {@code __Host-} Secure cookie set over plain http://127.0.0.1 is kept
 * (the pages' session cookie depends on it), screenshots are written, and a CSP violation is caught.
 */
@ExtendWith(BrowserExtension.class)
class BrowserInfrastructureBrowserTest {

    /** As platform-common's PageSecurityHeaders answers every page. */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/form.html", exchange -> {
            exchange.getResponseHeaders().add("Set-Cookie", "__Host-probe=1; Path=/; Secure; HttpOnly; SameSite=Strict");
            answer(exchange, "text/html", """
                    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body>
                    <label for="name">Name</label><input id="name"><button id="go" type="button">Go</button>
                    <p id="out" hidden></p><script src="/form.js"></script></body></html>""");
        });
        server.createContext("/form.js", exchange -> answer(exchange, "text/javascript", """
                document.getElementById('go').addEventListener('click', function () {
                  window.setTimeout(function () {
                    var out = document.getElementById('out');
                    out.textContent = 'Hello ' + document.getElementById('name').value;
                    out.hidden = false;
                  }, 300);
                });"""));
        server.createContext("/inline.html", exchange -> answer(exchange, "text/html", """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>inline</title></head><body>
                <p id="text">inline</p><script>document.getElementById('text').textContent = 'ran';</script></body></html>"""));
        // Every service serves one (platform-common); the browser asks for it on its own.
        server.createContext("/favicon.ico", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void chromiumFillsAFormKeepsASecureHostCookieOnLocalhostAndTakesAScreenshot(Browser browser) throws IOException {
        browser.open(base + "/form.html").type("name", "Alice").click("go");
        assertThat(browser.awaitText("out", "Hello")).isEqualTo("Hello Alice");

        Cookie cookie = browser.cookie("__Host-probe");
        assertThat(cookie).as("the __Host- cookie of an http://127.0.0.1 page").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(browser.script("return document.cookie")).isEqualTo("");

        Path shot = browser.screenshot("infrastructure-form");
        assertThat(Files.size(shot)).isPositive();
        browser.assertNoConsoleErrors();
    }

    @Test
    void anInlineScriptBlockedByTheContentSecurityPolicyIsAConsoleError(Browser browser) {
        browser.open(base + "/inline.html");
        assertThat(browser.textOf("text")).as("the inline script did not run").isEqualTo("inline");
        assertThatThrownBy(browser::assertNoConsoleErrors).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content Security Policy");
    }

    private static void answer(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
