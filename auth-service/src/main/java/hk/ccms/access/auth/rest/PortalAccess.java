package hk.ccms.access.auth.rest;

import hk.ccms.access.auth.domain.Portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The endpoint needs a valid, unrevoked access token whose audience is this portal. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PortalAccess {

    Portal[] value();
}
