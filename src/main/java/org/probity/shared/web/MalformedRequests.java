package org.probity.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A {@link MalformedRequest} is answered 400 the same way on every page and API route,
 * before any module's own advice (whose catch-all would log it as a failure).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequests {

	@ExceptionHandler(MalformedRequest.class)
	Object malformed(MalformedRequest ex, HttpServletRequest request) {
		return RequestErrors.badRequest(ex.getMessage(), request);
	}

}
