package org.probity.improvement.plans;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the improvement API as JSON with a message; never a 500 with a stack trace.
 * An invalid import lists every bad row under {@code errors}.
 */
@RestControllerAdvice(assignableTypes = ImprovementApi.class)
public class PlansApiErrors {

	private static final Logger log = LoggerFactory.getLogger(PlansApiErrors.class);

	record Error(String message, String field, List<InvalidImport.RowError> errors) {
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Error> notFound(NotFound ex) {
		return status(HttpStatus.NOT_FOUND, ex.getMessage(), null);
	}

	@ExceptionHandler(Stale.class)
	ResponseEntity<Error> stale(Stale ex) {
		return status(HttpStatus.CONFLICT, ex.getMessage(), null);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Error> conflict(DataIntegrityViolationException ex) {
		log.info("Refused by the database: {}", ex.getMostSpecificCause().getMessage());
		return status(HttpStatus.CONFLICT, "The request conflicts with data already held", null);
	}

	@ExceptionHandler(InvalidPlan.class)
	ResponseEntity<Error> invalid(InvalidPlan ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new Error(ex.getMessage(), ex.field(), List.of()));
	}

	@ExceptionHandler(InvalidImport.class)
	ResponseEntity<Error> invalidImport(InvalidImport ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new Error(ex.getMessage(), null, ex.errors()));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, HttpMediaTypeNotSupportedException.class })
	ResponseEntity<Error> unreadable(Exception ex) {
		String detail = ex.getMessage();
		if (ex instanceof HttpMessageNotReadableException nr && nr.getMostSpecificCause() != null) {
			detail = nr.getMostSpecificCause().getMessage();
		}
		return status(HttpStatus.BAD_REQUEST, "The request could not be read: " + firstLine(detail), null);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Error> denied(AccessDeniedException ex) {
		return status(HttpStatus.FORBIDDEN, ex.getMessage(), null);
	}

	private static ResponseEntity<Error> status(HttpStatus status, String message, String field) {
		return ResponseEntity.status(status).body(new Error(message, field, List.of()));
	}

	private static String firstLine(String s) {
		if (s == null) {
			return "";
		}
		int newline = s.indexOf('\n');
		return (newline > 0) ? s.substring(0, newline) : s;
	}

}
