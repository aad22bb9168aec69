package org.probity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole application over real HTTP against a real PostgreSQL (an embedded
 * one, thrown away after the run, unless PROBITY_DATABASE_URL names another). All such
 * tests share one application context and so one database: each test makes its own data
 * with distinct codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "probity.admin-password=test-admin-password" })
public @interface IntegrationTest {

}
