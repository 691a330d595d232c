package hk.ccms.access.otp.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Takes enum values (kind, purpose, channel, locale) only by name. By default Jackson also takes a
 * number as the constant's position, so {@code "kind": 0} would silently send a PASSWORD_CHANGED
 * notification and reordering the enum would change what callers ask for.
 */
@Singleton
public class StrictEnumJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
