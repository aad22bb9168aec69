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
 * with distinct codes. Mail goes to an SMTP server on localhost:{@value #SMTP_PORT},
 * which only mail tests start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "probity.admin-password=test-admin-password", "spring.mail.host=localhost",
				"spring.mail.port=" + IntegrationTest.SMTP_PORT,
				"spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=2000", "spring.mail.properties.mail.smtp.writetimeout=2000",
				"management.health.mail.enabled=false" })
public @interface IntegrationTest {

	/**
	 * Where the application sends mail during tests. Only tests that start a GreenMail
	 * server on this port receive it; elsewhere a send fails and is only logged. Mail is
	 * best-effort beside the home page, so its server is left out of health.
	 */
	int SMTP_PORT = 3025;

}
