package org.probity.audits;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown ids and unusable parameters on the audit pages: a page that says so. */
@ControllerAdvice(assignableTypes = { AuditPages.class, AuditFormPages.class, AlertPages.class, RatingPages.class })
class AuditPageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound ex, Model model) {
		model.addAttribute("title", "Page not found");
		model.addAttribute("message", ex.getMessage());
		return "audits/problem";
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(IllegalArgumentException ex, Model model) {
		model.addAttribute("title", "There is a problem");
		model.addAttribute("message", ex.getMessage());
		return "audits/problem";
	}

}
