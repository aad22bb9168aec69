package org.probity.shared.web;

import java.time.DateTimeException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests that cannot be answered as asked get 400 with a message, never a 500: on pages
 * the GOV.UK error page ({@code error/4xx}, "Error:" in its title), under {@code /api/}
 * the JSON error body {@code {"message": ...}}. Last in order: a module's own advice (the
 * audits API's 422 for a broken rule, say) answers first where it has one; a
 * {@link MalformedRequest} is answered by {@link MalformedRequests}, first of all.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestErrors {

	private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeException.class })
	Object invalid(RuntimeException ex, HttpServletRequest request) {
		log.debug("Refused {}: {}", request.getRequestURI(), ex.getMessage());
		return badRequest((ex.getMessage() != null) ? ex.getMessage() : "A value of the request is not valid", request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return badRequest("The value of '" + ex.getName() + "' is not "
				+ ((ex.getRequiredType() != null) ? what(ex.getRequiredType()) : "valid"), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return badRequest("Give a value for '" + ex.getParameterName() + "'", request);
	}

	@ExceptionHandler({ ServletRequestBindingException.class, HttpMessageNotReadableException.class })
	Object unreadable(Exception ex, HttpServletRequest request) {
		return badRequest("The request could not be read", request);
	}

	private static String what(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "a number";
		}
		if (type.getName().startsWith("java.time.")) {
			return "a date like 2024-03-31";
		}
		return "valid";
	}

	static Object badRequest(String message, HttpServletRequest request) {
		if (request.getRequestURI().startsWith("/api/")) {
			return ResponseEntity.badRequest().body(Map.of("message", message));
		}
		ModelAndView page = new ModelAndView("error/4xx", HttpStatus.BAD_REQUEST);
		page.addObject("status", 400);
		page.addObject("message", message);
		return page;
	}

}
