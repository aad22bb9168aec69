package org.probity.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before both ways of signing in (the form's POST to /sign-in, HTTP Basic on the
 * API): while sign-in is not open yet ({@link SignInReadiness}) or this address is
 * throttled for this account ({@link SignInThrottle}), the attempt never reaches
 * authentication, so it is not counted. The form is sent back to the sign-in page, which
 * says how long to wait; the API answers 503 or 429 with {@code Retry-After}.
 */
class SignInGuard extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final SignInReadiness readiness;

	SignInGuard(SignInThrottle throttle, SignInReadiness readiness) {
		this.throttle = throttle;
		this.readiness = readiness;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> basicUser = basicUser(request);
		boolean form = basicUser.isEmpty() && "POST".equals(request.getMethod())
				&& (request.getContextPath() + "/sign-in").equals(request.getRequestURI());
		if (basicUser.isEmpty() && !form) {
			chain.doFilter(request, response);
			return;
		}
		Optional<String> waiting = this.readiness.waitingFor();
		if (waiting.isPresent()) {
			if (form) {
				response.sendRedirect(request.getContextPath() + "/sign-in");
			}
			else {
				refuse(response, HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(30),
						waiting.get() + " Try again in a minute.");
			}
			return;
		}
		String username = form ? request.getParameter("username") : basicUser.get();
		Optional<Duration> blocked = (username != null) ? this.throttle.blocked(username, request.getRemoteAddr())
				: Optional.empty();
		if (blocked.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long minutes = Math.max(1, (blocked.get().toSeconds() + 59) / 60);
		if (form) {
			response.sendRedirect(request.getContextPath() + "/sign-in?wait=" + minutes);
		}
		else {
			refuse(response, HttpStatus.TOO_MANY_REQUESTS, blocked.get(),
					"Too many failed sign-ins to this account from your address: try again in " + minutes
							+ ((minutes == 1) ? " minute." : " minutes."));
		}
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, Duration retryAfter, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}

	/** The user name of an HTTP Basic header, as BasicAuthenticationFilter reads it. */
	static Optional<String> basicUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? Optional.empty() : Optional.of(decoded.substring(0, colon));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
