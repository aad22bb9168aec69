package org.probity.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * An address the security firewall refuses (an encoded NUL byte, {@code %25}, {@code ..}
 * and the like in the path) gets 400 with a message as every other malformed request:
 * JSON under {@code /api/}, the GOV.UK error page otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

	static final String MESSAGE = "The address has characters that no address of Probity has";

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return RejectedRequests::reject;
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		String uri = request.getRequestURI();
		if (uri != null && uri.startsWith("/api/")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"message\":\"" + MESSAGE + "\"}");
		}
		else {
			response.sendError(HttpStatus.BAD_REQUEST.value(), MESSAGE);
		}
	}

}
