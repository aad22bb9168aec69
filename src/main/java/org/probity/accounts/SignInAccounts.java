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
 * Loads accounts for sign-in with a password (never those of identity provider users),
 * records interactive sign-ins, and counts failures per account and source address
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
		return this.accounts.passwordUserFor(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
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
	 * Every interactive sign-in, with the form or through an identity provider, is
	 * recorded in one place; HTTP Basic and bearer tokens on the API are not sign-ins.
	 */
	@EventListener
	void onSignIn(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		String provider = (authentication.getPrincipal() instanceof ProviderUser user) ? user.provider() : null;
		this.accounts.recordSignIn(authentication.getName(), provider, source(authentication));
	}

	/** The address the attempt came from (behind a trusted proxy, the client's). */
	private static String source(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
	}

}
