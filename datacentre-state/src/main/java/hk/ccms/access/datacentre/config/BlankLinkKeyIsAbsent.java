package hk.ccms.access.datacentre.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * {@code ccms.link.key=${CCMS_DC_LINK_KEY:}}: an unset or empty variable leaves the key absent
 * (SmallRye Config treats an empty value as missing), but a variable of only blanks (a deployment
 * template's {@code "{{ key }} "}) would reach the link-token signer as a key of zero bytes and
 * make every link call fail with a 500. Blank is treated as absent as well: no link.
 */
@Priority(Priorities.APPLICATION)
public class BlankLinkKeyIsAbsent implements ConfigSourceInterceptor {

    static final String LINK_KEY = "ccms.link.key";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (LINK_KEY.equals(name) && value != null && value.getValue() != null && value.getValue().isBlank()) {
            return null;
        }
        return value;
    }
}
