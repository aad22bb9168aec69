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
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff sign in with a form and a session, or through an identity provider (single
 * sign-on, {@link SingleSignOn}); API clients use HTTP Basic or bearer JWTs without a
 * session. Local accounts (the form) and HTTP Basic can each be switched off. Passwords
 * pass {@link SignInGuard} first (throttling per account and address, and no sign-in
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
	SecurityFilterChain api(HttpSecurity http, SignInThrottle throttle, SignInReadiness readiness,
			SingleSignOnSettings settings, BearerTokens bearerTokens) throws Exception {
		SingleSignOnSettings.Api api = settings.api();
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
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.headers((headers) -> headers
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		if (api.basic()) {
			http.httpBasic(
					(basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
			if (!api.basicStaff()) {
				http.addFilterAfter(new BasicForClientsOnly(), BasicAuthenticationFilter.class);
			}
		}
		BearerTokens.decoder(api)
			.ifPresent((decoder) -> http.oauth2ResourceServer((resource) -> resource
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(bearerTokens))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, SignInReadiness readiness, DemoMode demo,
			SingleSignOnSettings settings, ProviderRegistrations providers, ProviderSignIns signIns, Accounts accounts)
			throws Exception {
		http.addFilterBefore(new SignInGuard(throttle, readiness), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new PasswordChangeRequired(accounts),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers("/sign-in", "/sign-in/refused", "/assets/**", "/webjars/**", "/css/**", "/js/**",
							"/favicon.ico", "/error", "/actuator/health", "/actuator/health/**")
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
			.logout((logout) -> logout.logoutUrl("/sign-out").logoutSuccessHandler(new ProviderSignOut(providers)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy(providers)))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		if (settings.localAccounts()) {
			http.formLogin(
					(form) -> form.loginPage("/sign-in").defaultSuccessUrl("/", false).failureUrl("/sign-in?error"));
		}
		if (!providers.isEmpty()) {
			http.addFilterBefore(new ProviderUnavailable(providers), OAuth2AuthorizationRequestRedirectFilter.class);
			http.oauth2Login((login) -> login.loginPage("/sign-in")
				.clientRegistrationRepository(providers)
				.userInfoEndpoint(
						(users) -> users.oidcUserService(signIns.oidcUsers()).userService(signIns.accessTokenUsers()))
				.defaultSuccessUrl("/", false)
				.failureHandler(new SingleSignOn.Refusals()));
		}
		else {
			http.exceptionHandling(
					(ex) -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")));
		}
		return http.build();
	}

	/**
	 * The policy of every page. Sign-out is a form whose answer redirects to the identity
	 * provider (to sign out there too), and browsers hold such redirects to
	 * {@code form-action}: the providers' origins are allowed there.
	 */
	static String contentSecurityPolicy(ProviderRegistrations providers) {
		java.util.Set<String> origins = new java.util.TreeSet<>();
		providers.providers().values().forEach((provider) -> {
			for (String uri : new String[] { provider.issuerUri(), provider.endSessionUri() }) {
				origin(uri).ifPresent(origins::add);
			}
		});
		return origins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace("form-action 'self'",
				"form-action 'self' " + String.join(" ", origins));
	}

	private static java.util.Optional<String> origin(String uri) {
		if (!SingleSignOnSettings.present(uri)) {
			return java.util.Optional.empty();
		}
		try {
			java.net.URI parsed = java.net.URI.create(uri.trim());
			if (parsed.getScheme() == null || parsed.getHost() == null || parsed.getHost().matches(".*[;\\s'].*")) {
				return java.util.Optional.empty();
			}
			return java.util.Optional.of(parsed.getScheme() + "://" + parsed.getHost()
					+ ((parsed.getPort() >= 0) ? ":" + parsed.getPort() : ""));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	/**
	 * With {@code PROBITY_API_BASIC_STAFF=false}, HTTP Basic is for API client accounts
	 * only: a staff account's password sent with it is refused (401), as if Basic were
	 * off for it.
	 */
	static final class BasicForClientsOnly extends org.springframework.web.filter.OncePerRequestFilter {

		@Override
		protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
				throws jakarta.servlet.ServletException, java.io.IOException {
			var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			if (SignInGuard.basicUser(request).isPresent() && authentication != null
					&& authentication.getPrincipal() instanceof CurrentUser user && user.role() != Role.API_CLIENT) {
				org.springframework.security.core.context.SecurityContextHolder.clearContext();
				response.setStatus(HttpStatus.UNAUTHORIZED.value());
				response.setContentType("application/json");
				response.getWriter()
					.write("{\"message\":\"HTTP Basic is for API client accounts only: staff use a bearer token\"}");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
