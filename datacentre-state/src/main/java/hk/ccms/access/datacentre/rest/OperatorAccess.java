package hk.ccms.access.datacentre.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is for clearing-house operators only: a valid operations-console access token from
 * auth-service whose session auth-service still holds live. See {@link OperatorAccessFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorAccess {
}
