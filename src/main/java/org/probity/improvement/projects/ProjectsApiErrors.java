package org.probity.improvement.projects;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the projects API as JSON with a message: 400 unreadable, 403 refused, 404
 * unknown or out of scope, 409 stale, 422 broken rule; never a 500.
 */
@RestControllerAdvice(assignableTypes = ProjectsApi.class)
class ProjectsApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ProjectsApiErrors.class);

	record Error(String message, Map<String, String> errors) {
	}

	@ExceptionHandler(ProjectNotFound.class)
	ResponseEntity<Error> notFound(ProjectNotFound ex) {
		return status(HttpStatus.NOT_FOUND, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(StaleProject.class)
	ResponseEntity<Error> stale(StaleProject ex) {
		return status(HttpStatus.CONFLICT, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(InvalidProject.class)
	ResponseEntity<Error> invalid(InvalidProject ex) {
		return status(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), ex.errors());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ResponseEntity<Error> unreadable(Exception ex) {
		String detail = ex.getMessage();
		if (ex instanceof HttpMessageNotReadableException nr && nr.getMostSpecificCause() != null) {
			detail = nr.getMostSpecificCause().getMessage();
		}
		return status(HttpStatus.BAD_REQUEST, "The request could not be read: " + firstLine(detail), Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Error> method(HttpRequestMethodNotSupportedException ex) {
		return status(HttpStatus.METHOD_NOT_ALLOWED, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Error> denied(AccessDeniedException ex) {
		return status(HttpStatus.FORBIDDEN, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Error> unexpected(RuntimeException ex) {
		log.warn("Projects API request failed", ex);
		return status(HttpStatus.BAD_REQUEST, "The request could not be processed: " + firstLine(ex.getMessage()),
				Map.of());
	}

	private static ResponseEntity<Error> status(HttpStatus status, String message, Map<String, String> errors) {
		return ResponseEntity.status(status).body(new Error(message, errors));
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "";
		}
		int newline = s.indexOf('\n');
		return (newline > 0) ? s.substring(0, newline) : s;
	}

}
