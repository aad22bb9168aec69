package org.probity.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * The status with which {@link RequestErrors} answers an {@link IllegalArgumentException}
 * (a rule of the module broken by the request) from this controller, where the others
 * answer 400: the audits API has always answered 422, as for an invalid audit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BrokenRuleStatus {

	HttpStatus value();

}
