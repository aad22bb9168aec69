package org.probity.feedback;

import java.util.Map;

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
 * Errors of the feedback API as JSON with a message: 400 unreadable, 403 out of scope,
 * 404 unknown, 409 stale version, 422 broken rule; never a 500.
 */
@RestControllerAdvice(assignableTypes = { ComplaintsApi.class, SurveysApi.class })
class FeedbackApiErrors {

	private static final Logger log = LoggerFactory.getLogger(FeedbackApiErrors.class);

	record Error(String message, Map<String, String> errors) {
	}

	@ExceptionHandler(FeedbackNotFound.class)
	ResponseEntity<Error> notFound(FeedbackNotFound ex) {
		return status(HttpStatus.NOT_FOUND, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(FeedbackChanged.class)
	ResponseEntity<Error> changed(FeedbackChanged ex) {
		return status(HttpStatus.CONFLICT, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(InvalidFeedback.class)
	ResponseEntity<Error> invalid(InvalidFeedback ex) {
		return status(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Error> rule(IllegalArgumentException ex) {
		return status(HttpStatus.BAD_REQUEST, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Error> conflict(DataIntegrityViolationException ex) {
		log.info("Refused by the database: {}", ex.getMostSpecificCause().getMessage());
		return status(HttpStatus.CONFLICT, "The request conflicts with data already held", Map.of());
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

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Error> mediaType(HttpMediaTypeNotSupportedException ex) {
		return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Error> denied(AccessDeniedException ex) {
		return status(HttpStatus.FORBIDDEN, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Error> unexpected(RuntimeException ex) {
		log.warn("Feedback API request failed", ex);
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
