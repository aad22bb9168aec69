package org.probity.people;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown staff, plans and items, and unusable parameters: a page that says so. */
@ControllerAdvice(assignableTypes = { PeoplePages.class, TrainingPages.class })
class PeoplePageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound ex, Model model) {
		model.addAttribute("title", "Page not found");
		model.addAttribute("message", ex.getMessage());
		return "people/problem";
	}

	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(IllegalArgumentException ex, Model model) {
		model.addAttribute("title", "There is a problem");
		model.addAttribute("message", ex.getMessage());
		return "people/problem";
	}

	@ExceptionHandler(StaleEdit.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String stale(StaleEdit ex, Model model) {
		model.addAttribute("title", "Someone else changed this record");
		model.addAttribute("message", ex.getMessage());
		return "people/problem";
	}

	@ExceptionHandler(InvalidInput.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	String invalid(InvalidInput ex, Model model) {
		model.addAttribute("title", "There is a problem");
		model.addAttribute("message", ex.getMessage());
		return "people/problem";
	}

}
