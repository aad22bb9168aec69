package org.probity.accounts;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the redirect to an identity provider: an OIDC provider is looked up
 * (discovery) at the first sign-in, and while it cannot be reached the user is sent to
 * the refusal page, which says so (503), rather than getting Spring Security's bare 500.
 * The look-up is tried again at the next attempt.
 */
final class ProviderUnavailable extends OncePerRequestFilter {

	static final String PREFIX = "/oauth2/authorization/";

	private static final Logger log = LoggerFactory.getLogger(ProviderUnavailable.class);

	private final ProviderRegistrations registrations;

	ProviderUnavailable(ProviderRegistrations registrations) {
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith(PREFIX)) {
			String id = path.substring(PREFIX.length());
			try {
				if (this.registrations.findByRegistrationId(id) == null) {
					response.sendError(HttpServletResponse.SC_NOT_FOUND);
					return;
				}
			}
			catch (RuntimeException ex) {
				log.warn("Single sign-on provider '{}' cannot be reached: {}", id, ex.getMessage());
				response.sendRedirect(request.getContextPath() + "/sign-in/refused?reason="
						+ ClaimMapping.Refusal.UNAVAILABLE.code());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
