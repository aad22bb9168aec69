package org.probity.accounts;

import org.probity.shared.DemoMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff sign in with a form and a session; API clients use HTTP Basic without a session.
 * Both pass {@link SignInGuard} first (throttling per account and address, and no sign-in
 * before the accounts exist). Every handler method also states who may call it with
 * {@code @PreAuthorize}. Behind a TLS proxy that sends {@code X-Forwarded-Proto}
 * ({@code server.forward-headers-strategy: native}, trusted from private and loopback
 * addresses only), requests count as secure: cookies are Secure and HSTS is sent. The
 * OpenAPI document and Swagger UI are open without sign-in only in demo mode.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurity {

	/** No page of Probity uses any of these browser features. */
	static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
			+ "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
			+ "sync-xhr=(), usb=(), xr-spatial-tracking=()";

	private static final String[] API_DOCUMENTATION = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
			"/swagger-ui.html" };

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='; "
			+ "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * Signed in, and not one of the operators' accounts: a metrics scraper reaches only
	 * the metrics, a subject access account only its own pages and API, whatever a page's
	 * own rule says (their data scope is nothing, and no list is for them).
	 */
	private static AuthorizationManager<RequestAuthorizationContext> notAnOperator() {
		return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(), AuthorizationManagers
			.not(AuthorityAuthorizationManager.hasAnyRole(Role.METRICS.name(), Role.SUBJECT_ACCESS.name())));
	}

	@Bean
	PasswordEncoder passwordEncoder(java.time.Clock clock) {
		return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(
			org.springframework.context.ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	/**
	 * Prometheus scrapes with HTTP Basic as an account of the role METRICS (created on
	 * the accounts page), through the same port and proxy as everything else: metrics
	 * name no person, but show volumes and timings that are not for the public, and a
	 * role is simpler to run than a second port that every deployment must keep off the
	 * internet.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, SignInThrottle throttle, SignInReadiness readiness)
			throws Exception {
		http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
			.addFilterBefore(new SignInGuard(throttle, readiness), BasicAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(Role.METRICS.name()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, SignInThrottle throttle, SignInReadiness readiness) throws Exception {
		http.securityMatcher("/api/**")
			.addFilterBefore(new SignInGuard(throttle, readiness), BasicAuthenticationFilter.class)
			// the subject access API's own @PreAuthorize admits the SUBJECT_ACCESS role
			// only,
			// after the malformed-parameter check (a refusal here would come back through
			// the error page, as HTML)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/v1/subject-access/**")
				.authenticated()
				.anyRequest()
				.access(notAnOperator()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.headers((headers) -> headers
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, SignInReadiness readiness, DemoMode demo)
			throws Exception {
		http.addFilterBefore(new SignInGuard(throttle, readiness), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers("/sign-in", "/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
							"/error", "/actuator/health", "/actuator/health/**")
					.permitAll();
				requests.requestMatchers("/survey/**").permitAll();
				if (demo.enabled()) {
					requests.requestMatchers(API_DOCUMENTATION).permitAll();
				}
				// SUBJECT_ACCESS only, by the pages' own @PreAuthorize
				requests.requestMatchers("/subject-access", "/subject-access/**").authenticated();
				// the subject access account's home page lists what it may do
				requests.requestMatchers("/")
					.access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
							AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.METRICS.name()))));
				requests.anyRequest().access(notAnOperator());
			})
			.formLogin((form) -> form.loginPage("/sign-in").defaultSuccessUrl("/", false).failureUrl("/sign-in?error"))
			.logout((logout) -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		return http.build();
	}

}
