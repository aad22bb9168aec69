package org.probity.shared.web;

import java.lang.annotation.Annotation;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer to a request that cannot be served as asked, for every module, never a
 * 500 for a bad request: under {@code /api/} the JSON body {@code {"message": ...}} (with
 * a {@link Refused}'s details beside it), on pages the controller's {@link ProblemPage}
 * or the GOV.UK error page ({@code error/4xx}, "Error:" in its title).
 * <p>
 * A {@link Refused} gets its own status; a value that is not valid 400. Under
 * {@code /api/} only: a refusal of Spring Security 403, a broken database constraint 409,
 * and any other failure 400 with its first line (logged); on pages those go on to Spring
 * Security and the error pages as before. A controller's own {@code @ExceptionHandler}
 * answers first where it has one; {@link BrokenRuleStatus} changes the 400 of its
 * {@link IllegalArgumentException}s.
 */
@ControllerAdvice
class RequestErrors {

	private static final Logger log = LoggerFactory.getLogger(RequestErrors.class);

	@ExceptionHandler(MalformedRequest.class)
	Object malformed(MalformedRequest ex, HttpServletRequest request) {
		return badRequest(ex.getMessage(), request);
	}

	@ExceptionHandler(Refused.class)
	Object refused(Refused ex, HttpServletRequest request) {
		if (api(request)) {
			return json(ex.status(), ex.getMessage(), ex.details());
		}
		ProblemPage problemPage = problemPage(request);
		if (problemPage != null) {
			return page(problemPage.value(), ex.status(), ex.getMessage());
		}
		return switch (ex.status()) {
			case NOT_FOUND -> page("error/404", ex.status(), ex.getMessage());
			case FORBIDDEN -> page("error/403", ex.status(), ex.getMessage());
			default -> page("error/4xx", ex.status(), ex.getMessage());
		};
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeException.class })
	Object invalid(RuntimeException ex, HttpServletRequest request) {
		log.debug("Refused {}: {}", request.getRequestURI(), ex.getMessage());
		String message = (ex.getMessage() != null) ? ex.getMessage() : "A value of the request is not valid";
		BrokenRuleStatus brokenRule = annotation(request, BrokenRuleStatus.class);
		if (brokenRule != null && api(request)) {
			return json(brokenRule.value(), message, Map.of());
		}
		ProblemPage problemPage = problemPage(request);
		if (!api(request) && problemPage != null) {
			return page(problemPage.value(), HttpStatus.BAD_REQUEST, message);
		}
		return badRequest(message, request);
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
		if (api(request) && ex instanceof HttpMessageNotReadableException nr && nr.getMostSpecificCause() != null) {
			return badRequest("The request could not be read: " + firstLine(nr.getMostSpecificCause().getMessage()),
					request);
		}
		return badRequest("The request could not be read", request);
	}

	@ExceptionHandler(ResponseStatusException.class)
	Object status(ResponseStatusException ex, HttpServletRequest request) {
		if (!api(request)) {
			ProblemPage problemPage = problemPage(request);
			if (problemPage != null) {
				return page(problemPage.value(), ex.getStatusCode(), ex.getReason());
			}
			throw ex;
		}
		return json(ex.getStatusCode(), (ex.getReason() != null) ? ex.getReason() : ex.getStatusCode().toString(),
				Map.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, HttpMediaTypeNotSupportedException.class,
			HttpRequestMethodNotSupportedException.class })
	Object refusedBySpring(Exception ex, HttpServletRequest request) throws Exception {
		if (!api(request)) {
			throw ex;
		}
		HttpStatus status = switch (ex) {
			case AccessDeniedException denied -> HttpStatus.FORBIDDEN;
			case HttpMediaTypeNotSupportedException media -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			default -> HttpStatus.METHOD_NOT_ALLOWED;
		};
		return json(status, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	Object conflict(DataIntegrityViolationException ex, HttpServletRequest request) {
		if (!api(request)) {
			throw ex;
		}
		log.info("Refused by the database: {}", ex.getMostSpecificCause().getMessage());
		return json(HttpStatus.CONFLICT, "The request conflicts with data already held", Map.of());
	}

	@ExceptionHandler(RuntimeException.class)
	Object unexpected(RuntimeException ex, HttpServletRequest request) {
		// Spring's own (an upload too large, a timed-out async request) keep their status
		if (!api(request) || ex instanceof ErrorResponse
				|| AnnotatedElementUtils.hasAnnotation(ex.getClass(), ResponseStatus.class)) {
			throw ex;
		}
		log.warn("API request {} failed", request.getRequestURI(), ex);
		return json(HttpStatus.BAD_REQUEST, "The request could not be processed: " + firstLine(ex.getMessage()),
				Map.of());
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

	private static Object badRequest(String message, HttpServletRequest request) {
		if (api(request)) {
			return json(HttpStatus.BAD_REQUEST, message, Map.of());
		}
		return page("error/4xx", HttpStatus.BAD_REQUEST, message);
	}

	private static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/");
	}

	private static ProblemPage problemPage(HttpServletRequest request) {
		return annotation(request, ProblemPage.class);
	}

	private static <A extends Annotation> A annotation(HttpServletRequest request, Class<A> type) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
			return AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
		}
		return null;
	}

	private static ResponseEntity<Map<String, Object>> json(HttpStatusCode status, String message,
			Map<String, Object> details) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.putAll(details);
		return ResponseEntity.status(status).body(body);
	}

	private static ModelAndView page(String template, HttpStatusCode status, String message) {
		ModelAndView page = new ModelAndView(template, status);
		page.addObject("status", status.value());
		page.addObject("title", title(status));
		page.addObject("message", message);
		return page;
	}

	private static String title(HttpStatusCode status) {
		return switch (status.value()) {
			case 404 -> "Page not found";
			case 409 -> "Someone else changed this record";
			default -> "There is a problem";
		};
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "";
		}
		int newline = s.indexOf('\n');
		return (newline > 0) ? s.substring(0, newline) : s;
	}

}
