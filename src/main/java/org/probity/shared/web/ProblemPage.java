package org.probity.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The template in which {@link RequestErrors} shows a refused request of this
 * controller's pages (with {@code title}, {@code message} and {@code status}), so that
 * the page leads back into the module; without it the GOV.UK error pages
 * ({@code error/404}, {@code error/403}, {@code error/4xx}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProblemPage {

	String value();

}
