package hk.ccms.access.it.browser;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a {@link Browser} parameter: a new browser for each test, ended after it. When the test
 * fails, the screenshot, HTML and console of the page it failed on are saved first, as
 * {@code target/screenshots/<TestClass>.<method>-failure.*}. A test class that is a {@link Starter} starts the browsers
 * of its tests itself.
 */
public final class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Implemented by a test class whose browsers start otherwise than {@code new Browser()}, e.g. holding a smartcard. */
    public interface Starter {
        Browser startBrowser();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, type ->
                context.getRequiredTestInstance() instanceof Starter starter ? starter.startBrowser() : new Browser(), Browser.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser == null) {
            return;
        }
        try (browser) {
            if (context.getExecutionException().isPresent()) {
                browser.saveFailure(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
            }
        }
    }
}
