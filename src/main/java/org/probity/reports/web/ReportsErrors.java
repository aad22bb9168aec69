package org.probity.reports.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.probity.reports.archive.ReportRefused;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A change to a report that cannot be made, for the reports pages and API: 409 when
 * someone else changed it first, 422 when its status does not allow it, 404 when there is
 * no such report; as {@code {"message": ...}} under {@code /api/}, else the error page.
 */
@ControllerAdvice(basePackages = "org.probity.reports")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReportsErrors {

	@ExceptionHandler(ReportRefused.class)
	Object refused(ReportRefused ex, HttpServletRequest request) {
		HttpStatus status = switch (ex.kind()) {
			case STALE -> HttpStatus.CONFLICT;
			case NOT_ALLOWED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
		};
		if (request.getRequestURI().startsWith("/api/")) {
			return ResponseEntity.status(status).body(Map.of("message", ex.getMessage()));
		}
		ModelAndView page = new ModelAndView((status == HttpStatus.NOT_FOUND) ? "error/404" : "error/4xx", status);
		page.addObject("status", status.value());
		page.addObject("message", ex.getMessage());
		return page;
	}

}
