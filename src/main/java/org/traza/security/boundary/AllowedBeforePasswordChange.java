package org.traza.security.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint a user may call while their password must be changed (after an administrator's
 * reset): changing it, who am I, logging out. Every other endpoint answers 403 {@code
 * password-change-required} until then.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedBeforePasswordChange {}
