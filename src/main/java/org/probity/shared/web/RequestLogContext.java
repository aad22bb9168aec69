package org.probity.shared.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request id and the signed-in user on every log line of a request (the MDC keys
 * {@value #REQUEST_ID} and {@value #USER}; JSON logs carry them as fields), and the
 * request id on the response ({@value #HEADER}), so that an operator finds every line of
 * one request and a user can quote the id of a failure. A request id sent by a proxy in
 * {@value #HEADER} is kept when it is a plain token of at most 64 characters; otherwise a
 * new one is made. Only the username is logged for the user: it names an account, not a
 * person on probation, and is what the access log records too.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLogContext {

	public static final String HEADER = "X-Request-Id";

	public static final String REQUEST_ID = "request.id";

	public static final String USER = "user.name";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** First of all filters: the id is there for every line, sign-in's included. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestIdFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new RequestIds());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("probityRequestId");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/** Just after Spring Security's filters, which decide who the user is. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestUserFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new RequestUsers());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setName("probityRequestUser");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	private static final class RequestIds extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			// an error dispatch goes on with the id of the request that failed
			String id = (request.getAttribute(REQUEST_ID) instanceof String earlier) ? earlier : given(request);
			request.setAttribute(REQUEST_ID, id);
			response.setHeader(HEADER, id);
			MDC.put(REQUEST_ID, id);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(REQUEST_ID);
				MDC.remove(USER);
			}
		}

		private static String given(HttpServletRequest request) {
			String given = request.getHeader(HEADER);
			return (given != null && TOKEN.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

	}

	private static final class RequestUsers extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String user = request.getRemoteUser();
			if (user != null) {
				MDC.put(USER, user);
			}
			chain.doFilter(request, response);
		}

	}

}
