package org.probity.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a user whose password an administrator reset to choose their own before any other
 * page opens. Asked of the database once per session (the answer is kept in it); HTTP
 * Basic on the API is not held up, as API clients have no page to change it on.
 */
final class PasswordChangeRequired extends OncePerRequestFilter {

	static final String CHECKED = PasswordChangeRequired.class.getName() + ".mustChange";

	static final String PAGE = "/account/password";

	private static final List<String> ALWAYS_OPEN = List.of(PAGE, "/sign-out", "/sign-in", "/css/", "/js/", "/webjars/",
			"/assets/", "/favicon.ico", "/error");

	private final Accounts accounts;

	PasswordChangeRequired(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& !(user instanceof ProviderUser) && !open(request)) {
			Boolean mustChange = (Boolean) session.getAttribute(CHECKED);
			if (mustChange == null) {
				mustChange = this.accounts.mustChangePassword(user.getUsername());
				session.setAttribute(CHECKED, mustChange);
			}
			if (mustChange) {
				response.sendRedirect(request.getContextPath() + PAGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean open(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ALWAYS_OPEN.stream().anyMatch((p) -> p.endsWith("/") ? path.startsWith(p) : path.equals(p));
	}

}
