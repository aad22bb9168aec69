package org.probity.improvement.plans;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Unknown or out-of-scope plans and unusable parameters on the improvement pages. */
@ControllerAdvice(assignableTypes = ImprovementPages.class)
public class PlanPageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound ex, Model model) {
		model.addAttribute("title", "Page not found");
		model.addAttribute("message", ex.getMessage());
		return "improvement/problem";
	}

	@ExceptionHandler({ InvalidPlan.class, MethodArgumentTypeMismatchException.class, IllegalArgumentException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Exception ex, Model model) {
		model.addAttribute("title", "There is a problem");
		model.addAttribute("message", ex.getMessage());
		return "improvement/problem";
	}

}
