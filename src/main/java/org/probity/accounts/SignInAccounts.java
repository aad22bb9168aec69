package org.probity.accounts;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for sign-in and counts failures per account and source address
 * ({@link SignInThrottle}), so that guessing passwords is slowed down without locking
 * anyone out.
 */
@Component
class SignInAccounts implements UserDetailsService {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInAccounts(Accounts accounts, SignInThrottle throttle, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (username.indexOf('\u0000') >= 0) {
			// no account has one, and PostgreSQL text cannot hold it
			throw new UsernameNotFoundException("No such account");
		}
		return this.accounts.userFor(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		this.throttle.recordFailure(event.getAuthentication().getName(), source(event.getAuthentication()));
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.throttle.recordSuccess(event.getAuthentication().getName(), source(event.getAuthentication()));
	}

	/**
	 * An interactive sign-in (the form, not each request of an API client), kept for the
	 * account holder's subject access request and the security audit.
	 */
	@EventListener
	void onSignIn(InteractiveAuthenticationSuccessEvent event) {
		this.jdbc.sql("insert into account_sign_in (username, signed_in_at) values (:u, :at)")
			.param("u", event.getAuthentication().getName())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The address the attempt came from (behind a trusted proxy, the client's). */
	private static String source(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

}
