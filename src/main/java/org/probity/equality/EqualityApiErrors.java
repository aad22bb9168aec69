package org.probity.equality;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Errors of the equality API as JSON with a message, never a 500 for a bad request. */
@RestControllerAdvice(assignableTypes = EqualityApi.class)
class EqualityApiErrors {

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, String>> status(ResponseStatusException ex) {
		return ResponseEntity.status(ex.getStatusCode())
			.body(Map.of("message", (ex.getReason() != null) ? ex.getReason() : ex.getStatusCode().toString()));
	}

	@ExceptionHandler(EqualityScope.OutOfScope.class)
	ResponseEntity<Map<String, String>> outOfScope(EqualityScope.OutOfScope ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", ex.getMessage()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", ex.getMessage()));
	}

}
