package org.probity.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any handler runs, a request whose path, parameter names or values hold
 * a NUL byte or another control character (other than tab and line ends): PostgreSQL
 * cannot store {@code \u0000} in text and answers an error that would otherwise become a
 * 500, and no field of Probity means such a character. One check for every page and API
 * route, form fields included, rather than a test in each handler.
 */
@Configuration(proxyBeanMethods = false)
class ParameterCheck implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (malformed(request.getRequestURI())) {
			throw new MalformedRequest("The address has a character that no address of Probity has");
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (malformed(name)) {
				throw new MalformedRequest("A parameter's name has a control character (such as a NUL byte)");
			}
			for (String value : parameter.getValue()) {
				if (malformed(value)) {
					throw new MalformedRequest("The value of '" + name
							+ "' has a control character (such as a NUL byte): enter it without one");
				}
			}
		}
		return true;
	}

	static boolean malformed(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
				return true;
			}
		}
		return false;
	}

}
